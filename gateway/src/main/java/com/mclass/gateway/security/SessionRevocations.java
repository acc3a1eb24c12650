package com.mclass.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import com.mclass.platform.web.security.RevocationMirror;
import com.mclass.platform.web.security.RevokedSessions;

/**
 * Sessions ended by logout or refresh-token reuse. While the {@link RevocationMirror} is current (its last poll of
 * Redis started less than {@code mclass.security.revocation-cache-ttl} ago) it answers from memory: in an enrollment
 * rush every student has a session of their own, so no per-session cache would spare the Redis round trip, and under
 * CPU saturation those round trips were what timed out.
 * <p>
 * Otherwise the Redis key auth-service sets is read per session. One lookup is shared by every request that arrives
 * within {@code revocation-cache-ttl} (1 s by default) of its start, those arriving while it is still in flight
 * included: a user's burst of requests costs one Redis round trip, and a logout takes effect at the gateway within that
 * time. A Redis failure is passed on, not taken for "not revoked" (the caller refuses the token), and is not
 * remembered: the next request asks again.
 */
class SessionRevocations {

	/** Bounds the memory a flood of distinct sessions can take; forgetting only costs a Redis round trip. */
	private static final int MAX_REMEMBERED = 100_000;

	private static final Mono<Boolean> REVOKED = Mono.just(true);

	private static final Mono<Boolean> LIVE = Mono.just(false);

	private final RevocationMirror mirror;

	private final ReactiveStringRedisTemplate redis;

	private final Duration cacheTtl;

	private final Clock clock;

	private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();

	SessionRevocations(RevocationMirror mirror, ReactiveStringRedisTemplate redis, Duration cacheTtl, Clock clock) {
		this.mirror = mirror;
		this.redis = redis;
		this.cacheTtl = cacheTtl;
		this.clock = clock;
	}

	Mono<Boolean> isRevoked(String sessionId) {
		return isRevoked(sessionId, null);
	}

	/** For a token issued at {@code issuedAt}: one older than the mirror's window is looked up in Redis. */
	Mono<Boolean> isRevoked(String sessionId, Instant issuedAt) {
		return switch (this.mirror.answer(sessionId, issuedAt)) {
			case REVOKED -> REVOKED;
			case LIVE -> LIVE;
			case UNKNOWN -> lookedUp(sessionId);
		};
	}

	private Mono<Boolean> lookedUp(String sessionId) {
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
