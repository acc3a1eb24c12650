package com.mclass.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import com.mclass.platform.web.security.RevokedSessions;

/**
 * Sessions ended by logout or refresh-token reuse, read from the Redis key auth-service sets. One lookup per session
 * is shared by every request that arrives within {@code mclass.security.revocation-cache-ttl} (1 s by default) of its
 * start, those arriving while it is still in flight included: a user's burst of requests in an enrollment rush costs
 * one Redis round trip, and a logout takes effect at the gateway within that time. A Redis failure is passed on, not
 * taken for "not revoked" (the caller refuses the token), and is not remembered: the next request asks again.
 */
class SessionRevocations {

	/** Bounds the memory a flood of distinct sessions can take; forgetting only costs a Redis round trip. */
	private static final int MAX_REMEMBERED = 100_000;

	private final ReactiveStringRedisTemplate redis;

	private final Duration cacheTtl;

	private final Clock clock;

	private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();

	SessionRevocations(ReactiveStringRedisTemplate redis, Duration cacheTtl, Clock clock) {
		this.redis = redis;
		this.cacheTtl = cacheTtl;
		this.clock = clock;
	}

	Mono<Boolean> isRevoked(String sessionId) {
		Instant now = this.clock.instant();
		if (this.lookups.size() >= MAX_REMEMBERED) {
			this.lookups.clear();
		}
		Lookup lookup = this.lookups.compute(sessionId,
				(id, current) -> (current != null && current.expiresAt().isAfter(now)) ? current
						: new Lookup(this.redis.hasKey(RevokedSessions.redisKey(id)).cache(), now.plus(this.cacheTtl)));
		return lookup.revoked().doOnError((failure) -> this.lookups.remove(sessionId, lookup));
	}

	private record Lookup(Mono<Boolean> revoked, Instant expiresAt) {
	}

}
