package com.mclass.platform.web.security;

/**
 * Sessions ended by logout or by refresh-token reuse. auth-service writes them; every resource server refuses access
 * tokens whose {@code sid} is listed, so logout does not wait for tokens to expire.
 */
public interface RevokedSessions {

	/** The Redis key auth-service sets (with a TTL of at least the access-token lifetime) when a session ends. */
	static String redisKey(String sessionId) {
		return "mclass:session:revoked:" + sessionId;
	}

	boolean isRevoked(String sessionId);

}
