package com.mclass.platform.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Access tokens whose RS256 signature and claims were already verified in this process, so that each token costs one
 * signature verification per process per lifetime instead of one per request (RSA arithmetic was 5-14 % of the
 * gateway's and of each service's CPU in the rush benchmark).
 * <p>
 * Keyed by the compact token itself: the map hashes it (a few hundred characters, far cheaper than a SHA-256) and
 * compares it whole, so no two tokens can share an entry, and the key costs no memory of its own because the cached
 * {@link Jwt} holds the same string. Only tokens that passed every rule are ever put in; a hit is re-checked on every
 * use against the injected clock with the same lifetime rule as a fresh verification ({@link
 * AccessTokenRules#isWithinLifetime}), so a cached token is never accepted past its {@code exp}: it then misses and
 * the full verification answers "expired". The revoked-session check is not cached: callers ask it on every request.
 * <p>
 * Bounded (Caffeine, size-based eviction, entries also dropped once expired): a flood of distinct valid tokens only
 * costs signature verifications again, never memory.
 */
public final class VerifiedTokenCache {

	/** About 2-3 KB per entry (the token and its parsed claims): 20,000 entries are a rush of 20,000 students. */
	public static final long DEFAULT_MAXIMUM_SIZE = 20_000;

	private final Cache<String, Jwt> verified;

	private final AccessTokenRules rules;

	private final Clock clock;

	public VerifiedTokenCache(long maximumSize, AccessTokenRules rules, Clock clock) {
		this.rules = rules;
		this.clock = clock;
		this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new UntilExpiry(clock)).build();
	}

	/**
	 * The verified token for exactly this compact token, or {@code null} when it must be verified (never seen, evicted,
	 * or past its lifetime now).
	 */
	public Jwt get(String token) {
		Jwt jwt = this.verified.getIfPresent(token);
		if (jwt == null) {
			return null;
		}
		if (!this.rules.isWithinLifetime(jwt)) {
			this.verified.invalidate(token);
			return null;
		}
		return jwt;
	}

	/** Remembers a token that has just passed the signature check and every rule of {@link AccessTokenRules}. */
	public void put(Jwt verifiedToken) {
		this.verified.put(verifiedToken.getTokenValue(), verifiedToken);
	}

	long size() {
		this.verified.cleanUp();
		return this.verified.estimatedSize();
	}

	/** Evicts an entry once no request could use it any more (memory only; {@link #get} checks the clock itself). */
	private record UntilExpiry(Clock clock) implements Expiry<String, Jwt> {

		/** Access tokens live minutes; a far-away {@code exp} must not overflow the nanoseconds Caffeine counts in. */
		private static final Duration LONGEST = Duration.ofDays(1);

		@Override
		public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
			Instant expiresAt = jwt.getExpiresAt();
			if (expiresAt == null) {
				return 0;
			}
			Duration left = Duration.between(this.clock.instant(), expiresAt.plus(AccessTokenRules.CLOCK_SKEW));
			return left.isNegative() ? 0 : Math.min(left.toSeconds(), LONGEST.toSeconds()) * 1_000_000_000L;
		}

		@Override
		public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

		@Override
		public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
