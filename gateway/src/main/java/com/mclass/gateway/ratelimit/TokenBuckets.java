package com.mclass.gateway.ratelimit;

import java.util.Map;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;

/**
 * Token buckets counted in this gateway's memory: each key may send {@code burstCapacity} requests at once and
 * {@code replenishRate} per second after that, per route (as Spring Cloud Gateway's Redis limiter did, so a user's
 * budget applies to each service separately). No Redis round trip per request: under a rush those Lua calls (one per request)
 * cost CPU on both sides and, on a saturated CPU, timed out and let requests through uncounted.
 * <p>
 * With several gateway replicas behind a load balancer each counts on its own, so the configured limits are divided
 * by {@code mclass.gateway.rate-limit.replicas} (rounded up, at least 1): a client spread evenly over the replicas
 * gets about the configured budget in total, one that sticks to a replica a share of it. Nothing can fail here, so
 * the token endpoints always keep a real limit (they used to fail closed with 503 when Redis was down).
 * <p>
 * Answers carry the {@code X-RateLimit-*} headers of this instance's bucket and, when refused, {@code Retry-After}
 * (whole seconds until the next token); the gateway's error package turns the bodiless 429 into the envelope. Buckets
 * of keys idle long enough to be full again are forgotten, and at most {@link #MAX_KEYS} are kept (a forgotten bucket
 * comes back full: forgetting errs on the side of the client, never of memory).
 */
class TokenBuckets implements RateLimiter<Object> {

	static final String REMAINING_HEADER = "X-RateLimit-Remaining";

	static final String REPLENISH_RATE_HEADER = "X-RateLimit-Replenish-Rate";

	static final String BURST_CAPACITY_HEADER = "X-RateLimit-Burst-Capacity";

	static final String REQUESTED_TOKENS_HEADER = "X-RateLimit-Requested-Tokens";

	static final long MAX_KEYS = 200_000;

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final long replenishRate;

	private final long burstCapacity;

	private final LongSupplier nanoTime;

	private final Cache<String, Bucket> buckets;

	private final String replenishRateText;

	private final String burstCapacityText;

	TokenBuckets(RateLimitProperties.Bucket limit, int replicas) {
		this(limit, replicas, System::nanoTime);
	}

	TokenBuckets(RateLimitProperties.Bucket limit, int replicas, LongSupplier nanoTime) {
		this.replenishRate = shareOf(limit.replenishRate(), replicas);
		this.burstCapacity = Math.max(this.replenishRate, shareOf(limit.burstCapacity(), replicas));
		this.nanoTime = nanoTime;
		// Idle for burst ÷ rate seconds, a bucket is full again: the same as a new one.
		long refillSeconds = Math.max(1, (this.burstCapacity + this.replenishRate - 1) / this.replenishRate);
		this.buckets = Caffeine.newBuilder()
			.maximumSize(MAX_KEYS)
			.expireAfterAccess(java.time.Duration.ofSeconds(refillSeconds))
			.build();
		this.replenishRateText = Long.toString(this.replenishRate);
		this.burstCapacityText = Long.toString(this.burstCapacity);
	}

	private static long shareOf(long limit, int replicas) {
		return Math.max(1, (limit + replicas - 1) / replicas);
	}

	@Override
	public Mono<Response> isAllowed(String routeId, String id) {
		Bucket bucket = this.buckets.get(routeId + '|' + id, (key) -> new Bucket(this.burstCapacity, this.nanoTime.getAsLong()));
		long[] outcome = bucket.take(this.nanoTime.getAsLong(), this.replenishRate, this.burstCapacity);
		boolean allowed = outcome[0] >= 0;
		long remaining = Math.max(0, outcome[0]);
		Map<String, String> headers = allowed
				? Map.of(REMAINING_HEADER, Long.toString(remaining), REPLENISH_RATE_HEADER, this.replenishRateText,
						BURST_CAPACITY_HEADER, this.burstCapacityText, REQUESTED_TOKENS_HEADER, "1")
				: Map.of(REMAINING_HEADER, "0", REPLENISH_RATE_HEADER, this.replenishRateText, BURST_CAPACITY_HEADER,
						this.burstCapacityText, REQUESTED_TOKENS_HEADER, "1", HttpHeaders.RETRY_AFTER,
						Long.toString(outcome[1]));
		return Mono.just(new Response(allowed, headers));
	}

	long replenishRate() {
		return this.replenishRate;
	}

	long burstCapacity() {
		return this.burstCapacity;
	}

	@Override
	public Map<String, Object> getConfig() {
		// Limits come from mclass.gateway.rate-limit, not from per-route arguments.
		return Map.of();
	}

	@Override
	public Class<Object> getConfigClass() {
		return Object.class;
	}

	@Override
	public Object newConfig() {
		return new Object();
	}

	/** One key's bucket; tokens counted in nanosecond-tokens so that refills need no floating point. */
	private static final class Bucket {

		/** Tokens × 10⁹. */
		private long nanoTokens;

		private long refilledAt;

		Bucket(long burstCapacity, long now) {
			this.nanoTokens = burstCapacity * NANOS_PER_SECOND;
			this.refilledAt = now;
		}

		/**
		 * Takes one token if there is one: {@code [tokens left, 0]}, or {@code [-1, seconds until the next token]}.
		 */
		synchronized long[] take(long now, long replenishRate, long burstCapacity) {
			long elapsed = now - this.refilledAt;
			if (elapsed > 0) {
				long capacity = burstCapacity * NANOS_PER_SECOND;
				// elapsed × rate overflows only after ~290 years ÷ rate of idleness; capped by the capacity anyway.
				long refill = (elapsed > capacity / replenishRate) ? capacity : elapsed * replenishRate;
				this.nanoTokens = Math.min(capacity, this.nanoTokens + refill);
				this.refilledAt = now;
			}
			if (this.nanoTokens >= NANOS_PER_SECOND) {
				this.nanoTokens -= NANOS_PER_SECOND;
				return new long[] { this.nanoTokens / NANOS_PER_SECOND, 0 };
			}
			long missing = NANOS_PER_SECOND - this.nanoTokens;
			long perSecond = replenishRate * NANOS_PER_SECOND;
			return new long[] { -1, Math.max(1, (missing + perSecond - 1) / perSecond) };
		}

	}

}
