package com.mclass.platform.web.security;

import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A servlet service's access-token check: the signature and {@link AccessTokenRules} once per token and process
 * ({@link VerifiedTokenCache}), the revoked-session check on every request. A revoked session is a bad token (401); a
 * revocation check that fails (Redis unreachable or timing out) is a plain {@link JwtException}, which Spring Security
 * reports as an {@code AuthenticationServiceException} and the platform answers with 503 and {@code Retry-After}:
 * the token cannot be judged now, which is not the client's fault.
 */
public final class AccessTokenDecoder implements JwtDecoder {

	private final JwtDecoder signedTokens;

	private final VerifiedTokenCache verified;

	private final RevokedSessions revokedSessions;

	/**
	 * @param signedTokens checks the RS256 signature and {@link AccessTokenRules#claims()}, nothing else
	 */
	public AccessTokenDecoder(JwtDecoder signedTokens, VerifiedTokenCache verified, RevokedSessions revokedSessions) {
		this.signedTokens = signedTokens;
		this.verified = verified;
		this.revokedSessions = revokedSessions;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = this.verified.get(token);
		if (jwt == null) {
			jwt = this.signedTokens.decode(token);
			this.verified.put(jwt);
		}
		if (isRevoked(jwt)) {
			throw sessionEnded();
		}
		return jwt;
	}

	private boolean isRevoked(Jwt jwt) {
		try {
			return this.revokedSessions.isRevoked(jwt.getClaimAsString(AuthenticatedUser.SESSION_CLAIM),
					jwt.getIssuedAt());
		}
		catch (RuntimeException ex) {
			throw new JwtException("Revoked sessions could not be checked", ex);
		}
	}

	static JwtValidationException sessionEnded() {
		OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The session has ended", null);
		return new JwtValidationException(error.getDescription(), List.of(error));
	}

}
