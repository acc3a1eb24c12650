package com.mclass.auth.token;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.platform.web.security.AuthenticatedUser;
import com.mclass.platform.web.security.MclassSecurityProperties;
import com.mclass.platform.web.security.RevokedSessions;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	SigningKeys signingKeys(TokenProperties properties, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		return new SigningKeys(properties, jdbc, transactions, clock);
	}

	@Bean
	AccessTokens accessTokens(SigningKeys keys, MclassSecurityProperties security, TokenProperties properties, Clock clock) {
		return new AccessTokens(keys, security, properties.accessTokenTtl(), clock);
	}

	/**
	 * Verifies this service's own tokens against its keys in memory instead of fetching its own JWKS over HTTP (which
	 * the platform's default decoder would do): same algorithm (RS256 only) and the same checks as every other
	 * resource server: signature, expiry, issuer, audience, sub/role/sid present, session not revoked.
	 */
	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, MclassSecurityProperties security, RevokedSessions revokedSessions) {
		JWKSource<SecurityContext> source = (selector, context) -> selector.select(keys.publishedKeysIncluding(kidOf(selector)));
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(source).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(JwtValidators.createDefaultWithIssuer(security.issuer()),
				audience(security.audience()), liveSession(revokedSessions))));
		return decoder;
	}

	private static String kidOf(JWKSelector selector) {
		return (selector.getMatcher().getKeyIDs() != null && selector.getMatcher().getKeyIDs().size() == 1)
				? selector.getMatcher().getKeyIDs().iterator().next() : null;
	}

	// The two checks below repeat platform-web's TokenClaimValidators, which are package-private there.

	private static OAuth2TokenValidator<Jwt> audience(String audience) {
		return (jwt) -> (jwt.getAudience() != null && jwt.getAudience().contains(audience)) ? OAuth2TokenValidatorResult.success()
				: invalid("The token is not meant for this audience");
	}

	private static OAuth2TokenValidator<Jwt> liveSession(RevokedSessions revokedSessions) {
		return (jwt) -> {
			String sessionId = jwt.getClaimAsString(AuthenticatedUser.SESSION_CLAIM);
			if (jwt.getSubject() == null || sessionId == null || jwt.getClaimAsString(AuthenticatedUser.ROLE_CLAIM) == null) {
				return invalid("The token lacks sub, sid or role");
			}
			try {
				UUID.fromString(jwt.getSubject());
			}
			catch (IllegalArgumentException ex) {
				return invalid("The token subject is not a user id");
			}
			return revokedSessions.isRevoked(sessionId) ? invalid("The session has ended") : OAuth2TokenValidatorResult.success();
		};
	}

	private static OAuth2TokenValidatorResult invalid(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}
