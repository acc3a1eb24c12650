package com.mclass.platform.web.security;

import java.time.Instant;

/**
 * Sessions ended by logout or by refresh-token reuse. auth-service writes them; every resource server refuses access
 * tokens whose {@code sid} is listed, so logout does not wait for tokens to expire.
 */
public interface RevokedSessions {

	/**
	 * The sorted set auth-service adds every ended session to, in the same script that sets {@link #redisKey}: member
	 * the session id, score the Redis server time (ms) of the revocation; members older than the per-session key's TTL
	 * are trimmed. Resource servers mirror it in memory ({@link RevocationMirror}) so that checking a token costs no
	 * Redis round trip; the per-session key answers whenever the mirror is not current.
	 */
	String REVOCATIONS_KEY = "mclass:session:revocations";

	/** The Redis key auth-service sets (with a TTL of at least the access-token lifetime) when a session ends. */
	static String redisKey(String sessionId) {
		return "mclass:session:revoked:" + sessionId;
	}

	boolean isRevoked(String sessionId);

	/** Whether the session of a token issued at {@code issuedAt} ({@code null} when unknown) has been revoked. */
	default boolean isRevoked(String sessionId, Instant issuedAt) {
		return isRevoked(sessionId);
	}

}
