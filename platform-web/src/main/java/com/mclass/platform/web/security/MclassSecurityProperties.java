package com.mclass.platform.web.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

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
 * @param revocationCacheTtl how long a "not revoked" answer from Redis is trusted, and how old the revocation
 * mirror's last poll may be for it to answer; logout takes effect within it
 * @param revocationWindow how long the revocation mirror keeps an ended session: at least the access-token lifetime
 * plus clock skew (auth-service keeps its revoked-session key for the access-token TTL + 2 min, 17 min by default)
 * @param revocationPollInterval how often the revocation mirror asks Redis for sessions ended since its last poll
 * @param revocationPollOverlap how far before its previous poll each poll reads again, so that a Redis clock stepping
 * back (a failover) does not hide revocations
 * @param verifiedTokenCacheSize how many verified access tokens each process remembers until their {@code exp}, so
 * that a token's signature is verified once per process rather than on every request ({@link VerifiedTokenCache})
 * @param jwksRefetchInterval the least time between two fetches of auth-service's keys: a token naming an unknown key
 * triggers a fetch only if the last one started longer ago ({@link PublishedKeys})
 */
@ConfigurationProperties("mclass.security")
public record MclassSecurityProperties(String jwksUri,
		@DefaultValue("mclass-auth") String issuer, @DefaultValue("mclass-api") String audience,
		@DefaultValue({}) List<String> publicPaths, @DefaultValue({}) List<String> signInPaths,
		@DefaultValue("1s") Duration revocationCacheTtl,
		@DefaultValue(DEFAULT_REVOCATION_WINDOW) Duration revocationWindow,
		@DefaultValue(DEFAULT_REVOCATION_POLL_INTERVAL) Duration revocationPollInterval,
		@DefaultValue(DEFAULT_REVOCATION_POLL_OVERLAP) Duration revocationPollOverlap,
		@DefaultValue(DEFAULT_VERIFIED_TOKEN_CACHE_SIZE) long verifiedTokenCacheSize,
		@DefaultValue(DEFAULT_JWKS_REFETCH_INTERVAL) Duration jwksRefetchInterval) {

	static final String DEFAULT_REVOCATION_WINDOW = "17m";

	static final String DEFAULT_REVOCATION_POLL_INTERVAL = "200ms";

	static final String DEFAULT_REVOCATION_POLL_OVERLAP = "5s";

	static final String DEFAULT_VERIFIED_TOKEN_CACHE_SIZE = "20000";

	static final String DEFAULT_JWKS_REFETCH_INTERVAL = "5s";

	@ConstructorBinding
	public MclassSecurityProperties {
	}

	/** The token rules alone, with the revocation mirror's defaults (for properties built by hand, as in tests). */
	public MclassSecurityProperties(String jwksUri, String issuer, String audience, List<String> publicPaths,
			List<String> signInPaths, Duration revocationCacheTtl) {
		this(jwksUri, issuer, audience, publicPaths, signInPaths, revocationCacheTtl,
				DurationStyle.detectAndParse(DEFAULT_REVOCATION_WINDOW),
				DurationStyle.detectAndParse(DEFAULT_REVOCATION_POLL_INTERVAL),
				DurationStyle.detectAndParse(DEFAULT_REVOCATION_POLL_OVERLAP), Long.parseLong(DEFAULT_VERIFIED_TOKEN_CACHE_SIZE),
				DurationStyle.detectAndParse(DEFAULT_JWKS_REFETCH_INTERVAL));
	}

}
