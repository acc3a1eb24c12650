package com.mclass.platform.web.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks the access tokens auth-service issues.
 *
 * @param jwksUri where auth-service publishes its signing keys; unset, {@code ${MCLASS_AUTH_URL}/.well-known/jwks.json}
 * @param issuer the {@code iss} every token must carry
 * @param audience the {@code aud} every token must carry
 * @param publicPaths paths anyone may call, optionally prefixed by a method ({@code "GET /api/mclasses/**"}); a token
 * sent there still identifies the caller (an admin browsing sees more), and an invalid one is refused
 * @param signInPaths public paths that hand out tokens (login, refresh, …): a token sent there is ignored, so a
 * client whose access token just expired can still refresh it
 * @param revocationCacheTtl how long a "not revoked" answer from Redis is trusted; logout takes effect within it
 */
@ConfigurationProperties("mclass.security")
public record MclassSecurityProperties(String jwksUri,
		@DefaultValue("mclass-auth") String issuer, @DefaultValue("mclass-api") String audience,
		@DefaultValue({}) List<String> publicPaths, @DefaultValue({}) List<String> signInPaths,
		@DefaultValue("1s") Duration revocationCacheTtl) {
}
