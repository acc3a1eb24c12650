package com.mclass.auth.token;

import java.time.Clock;

import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.auth.LocalProfile;
import com.mclass.platform.web.security.AccessTokenDecoder;
import com.mclass.platform.web.security.AccessTokenRules;
import com.mclass.platform.web.security.MclassSecurityProperties;
import com.mclass.platform.web.security.RevokedSessions;
import com.mclass.platform.web.security.ServiceCalls;
import com.mclass.platform.web.security.VerifiedTokenCache;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	/** How application.yml marks its development defaults of service-client secrets. */
	static final String DEV_SECRET_PREFIX = "dev-only-";

	@Bean
	SigningKeys signingKeys(TokenProperties properties, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			Environment environment) {
		requireConfiguredKeysOutsideLocal(properties, environment);
		return new SigningKeys(properties, jdbc, transactions, clock);
	}

	/**
	 * A key generated into the database is a development convenience (the private key sits unencrypted next to the
	 * data); outside the local profile the keys must come from configuration (a secret).
	 */
	static void requireConfiguredKeysOutsideLocal(TokenProperties properties, Environment environment) {
		if ((properties.signingKeys() == null || properties.signingKeys().isEmpty()) && !LocalProfile.isActive(environment)) {
			throw new IllegalStateException("No signing key configured: set MCLASS_AUTH_SIGNINGKEYS_0_PRIVATEKEYPEM (RSA >= 2048, "
					+ "PKCS#8 PEM, from a secret) and MCLASS_AUTH_SIGNINGKEYS_0_ACTIVE=true. A key generated into the database "
					+ "is allowed only with the '" + LocalProfile.NAME + "' profile (SPRING_PROFILES_ACTIVE=" + LocalProfile.NAME + ").");
		}
	}

	/** The documented development secrets of service clients open every /internal/** endpoint: local profile only. */
	static void requireOwnSecretsOutsideLocal(ServiceClientProperties clients, Environment environment) {
		if (LocalProfile.isActive(environment)) {
			return;
		}
		clients.clients().forEach((client, secret) -> {
			if (secret != null && secret.startsWith(DEV_SECRET_PREFIX)) {
				throw new IllegalStateException("Service client '" + client + "' uses its development secret: set its own "
						+ "secret (e.g. MCLASS_SERVICE_SECRET_ENROLLMENT, `openssl rand -base64 32`, the same value in the "
						+ "calling service). Development secrets are allowed only with the '" + LocalProfile.NAME + "' profile.");
			}
		});
	}

	@Bean
	AccessTokens accessTokens(SigningKeys keys, MclassSecurityProperties security, TokenProperties properties, Clock clock) {
		return new AccessTokens(keys, security, properties.accessTokenTtl(), clock);
	}

	@Bean
	ServiceTokens serviceTokens(SigningKeys keys, MclassSecurityProperties security, ServiceClientProperties clients, Clock clock,
			Environment environment) {
		requireOwnSecretsOutsideLocal(clients, environment);
		return new ServiceTokens(keys, security, clients, clock);
	}

	/** Service tokens presented to this service's own {@code /internal/**}, verified against its keys in memory. */
	@Bean
	ServiceCalls serviceCalls(SigningKeys keys, MclassSecurityProperties security) {
		return ServiceCalls.verifiedBy(NimbusJwtDecoder.withJwkSource(keySource(keys)).jwsAlgorithm(SignatureAlgorithm.RS256).build(),
				security.issuer());
	}

	/**
	 * Verifies this service's own tokens against its keys in memory instead of fetching its own JWKS over HTTP (which
	 * the platform's default decoder would do): same algorithm (RS256 only) and the same checks as every other
	 * resource server (platform-web's {@link AccessTokenRules}), each token's signature verified once
	 * ({@link VerifiedTokenCache}), its session checked on every request.
	 */
	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, MclassSecurityProperties security, RevokedSessions revokedSessions,
			Clock clock) {
		AccessTokenRules rules = new AccessTokenRules(security, clock);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keySource(keys)).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		decoder.setJwtValidator(rules.claims());
		return new AccessTokenDecoder(decoder, new VerifiedTokenCache(security.verifiedTokenCacheSize(), rules, clock),
				revokedSessions);
	}

	private static JWKSource<SecurityContext> keySource(SigningKeys keys) {
		return (selector, context) -> selector.select(keys.publishedKeysIncluding(kidOf(selector)));
	}

	private static String kidOf(JWKSelector selector) {
		return (selector.getMatcher().getKeyIDs() != null && selector.getMatcher().getKeyIDs().size() == 1)
				? selector.getMatcher().getKeyIDs().iterator().next() : null;
	}

}
