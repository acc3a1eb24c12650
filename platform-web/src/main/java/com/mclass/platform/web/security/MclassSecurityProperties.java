package com.mclass.platform.web.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks the access tokens auth-service issues.
 *
 * @param jwksUri where auth-service publishes its signing keys
 * @param issuer the {@code iss} every token must carry
 * @param audience the {@code aud} every token must carry
 * @param publicPaths Ant-style paths anyone may call, optionally prefixed by a method ({@code "GET /api/mclasses/**"})
 * @param revocationCacheTtl how long a "not revoked" answer from Redis is trusted; logout takes effect within it
 */
@ConfigurationProperties("mclass.security")
public record MclassSecurityProperties(@DefaultValue("http://localhost:8081/.well-known/jwks.json") String jwksUri,
		@DefaultValue("mclass-auth") String issuer, @DefaultValue("mclass-api") String audience,
		@DefaultValue({}) List<String> publicPaths, @DefaultValue("1s") Duration revocationCacheTtl) {
}
