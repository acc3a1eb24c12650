package com.mclass.gateway.ratelimit;

import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Spring Cloud Gateway's Redis token buckets, plus what MClass's contract asks of a refusal: a {@code Retry-After}
 * besides the {@code X-RateLimit-*} headers. The
 * gateway's envelope for the bodiless 429 comes from the error package.
 * <p>
 * When Redis cannot be asked, the gateway's limiter lets the request through. That is right for ordinary routes, where
 * Redis trouble must not take the platform down, but not for the endpoints that hand out tokens, whose limit is what
 * stands between a password list and the login throttle: those buckets {@code failClosed} and the request is answered
 * 503 {@code SERVICE_UNAVAILABLE}.
 */
class TokenBuckets extends RedisRateLimiter {

	/**
	 * A refused request lacks its one token at most, and with a replenish rate of at least one per second that token
	 * is back within a second.
	 */
	static final String RETRY_AFTER_SECONDS = "1";

	private final boolean failClosed;

	TokenBuckets(RateLimitProperties.Bucket bucket, boolean failClosed) {
		super(bucket.replenishRate(), bucket.burstCapacity(), 1);
		this.failClosed = failClosed;
	}

	@Override
	public Mono<Response> isAllowed(String routeId, String id) {
		// Redis answers on one of Lettuce's few threads, and whatever comes next (the rest of the filter chain, the
		// proxied call) would run there too: under load the answers to other requests' commands then queue behind that
		// work until they time out, and the limiter reads a late answer as Redis being down. Hand over at once instead.
		return super.isAllowed(routeId, id).publishOn(Schedulers.parallel()).flatMap((response) -> {
			long remaining = remainingTokens(response);
			if (remaining < 0) {
				// The limiter's only sign that Redis failed: it never counts below zero otherwise.
				return this.failClosed ? Mono.error(new BucketsUnreachable()) : Mono.just(response);
			}
			return Mono.just(response.isAllowed() ? response : withRetryAfter(response));
		});
	}

	/** Always on: the headers are part of the API contract, and the Redis-failure sign rides on one of them. */
	@Override
	public boolean isIncludeHeaders() {
		return true;
	}

	private long remainingTokens(Response response) {
		String remaining = response.getHeaders().get(getRemainingHeader());
		try {
			return (remaining != null) ? Long.parseLong(remaining) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static Response withRetryAfter(Response refusal) {
		Map<String, String> headers = new HashMap<>(refusal.getHeaders());
		headers.put(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		return new Response(false, headers);
	}

	/** Redis is down and these buckets must not let requests through uncounted. An outcome, not a bug: no stack. */
	static final class BucketsUnreachable extends ResponseStatusException {

		BucketsUnreachable() {
			super(HttpStatus.SERVICE_UNAVAILABLE, "Rate-limit buckets unreachable (Redis); refusing instead of "
					+ "letting requests through uncounted");
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

}
