package com.mclass.platform.web.security;

import java.time.Instant;

/**
 * Answers from the {@link RevocationMirror} while it is current, so that a request costs no Redis round trip for its
 * revocation check; otherwise asks the per-session lookup, which refuses the token when Redis cannot answer.
 */
class MirroredRevokedSessions implements RevokedSessions {

	private final RevocationMirror mirror;

	private final RevokedSessions perSession;

	MirroredRevokedSessions(RevocationMirror mirror, RevokedSessions perSession) {
		this.mirror = mirror;
		this.perSession = perSession;
	}

	@Override
	public boolean isRevoked(String sessionId) {
		return isRevoked(sessionId, null);
	}

	@Override
	public boolean isRevoked(String sessionId, Instant issuedAt) {
		return switch (this.mirror.answer(sessionId, issuedAt)) {
			case REVOKED -> true;
			case LIVE -> false;
			case UNKNOWN -> this.perSession.isRevoked(sessionId);
		};
	}

}
