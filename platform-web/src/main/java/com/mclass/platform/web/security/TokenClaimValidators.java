package com.mclass.platform.web.security;

import java.time.Clock;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

/** The checks an MClass access token must pass beyond its signature, revoked-session check included. */
public final class TokenClaimValidators {

	private TokenClaimValidators() {
	}

	/**
	 * {@link AccessTokenRules} (expiry and not-before, issuer, audience, the claims every token must carry) and a live
	 * session, for a decoder that verifies every token in full each time. {@link AccessTokenDecoder} applies the same
	 * rules once per token and the session check on every request.
	 */
	public static OAuth2TokenValidator<Jwt> accessToken(MclassSecurityProperties properties, RevokedSessions revokedSessions) {
		return new DelegatingOAuth2TokenValidator<>(List.of(new AccessTokenRules(properties, Clock.systemUTC()).claims(),
				liveSession(revokedSessions)));
	}

	static OAuth2TokenValidator<Jwt> audience(String audience) {
		return (jwt) -> {
			List<String> audiences = jwt.getAudience();
			return (audiences != null && audiences.contains(audience)) ? OAuth2TokenValidatorResult.success()
					: invalid("The token is not meant for this audience");
		};
	}

	/** A token must name its user, role and session; a revoked session is refused. */
	static OAuth2TokenValidator<Jwt> liveSession(RevokedSessions revokedSessions) {
		return (jwt) -> {
			String sessionId = jwt.getClaimAsString(AuthenticatedUser.SESSION_CLAIM);
			if (jwt.getSubject() == null || sessionId == null || jwt.getClaimAsString(AuthenticatedUser.ROLE_CLAIM) == null) {
				return invalid("The token lacks sub, sid or role");
			}
			try {
				java.util.UUID.fromString(jwt.getSubject());
			}
			catch (IllegalArgumentException ex) {
				return invalid("The token subject is not a user id");
			}
			boolean revoked;
			try {
				revoked = revokedSessions.isRevoked(sessionId, jwt.getIssuedAt());
			}
			catch (RuntimeException ex) {
				// Redis unreachable: not a bad token (401) but one that cannot be judged now (503 with Retry-After).
				throw new JwtException("Revoked sessions could not be checked", ex);
			}
			return revoked ? invalid("The session has ended") : OAuth2TokenValidatorResult.success();
		};
	}

	private static OAuth2TokenValidatorResult invalid(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}
