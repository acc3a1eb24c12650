package com.mclass.platform.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Reads revocations from Redis and remembers each answer for a short time, so a burst of requests on one session
 * costs one Redis round trip per second instead of one per request. A Redis failure refuses the token with
 * {@link RevocationCheckUnavailableException} (503, retry): an unverifiable session is not a valid one.
 */
class RedisRevokedSessions implements RevokedSessions {

	private static final int MAX_REMEMBERED = 100_000;

	private final StringRedisTemplate redis;

	private final Duration cacheTtl;

	private final Clock clock;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	RedisRevokedSessions(StringRedisTemplate redis, Duration cacheTtl, Clock clock) {
		this.redis = redis;
		this.cacheTtl = cacheTtl;
		this.clock = clock;
	}

	@Override
	public boolean isRevoked(String sessionId) {
		Instant now = this.clock.instant();
		Answer cached = this.answers.get(sessionId);
		if (cached != null && cached.expiresAt().isAfter(now)) {
			return cached.revoked();
		}
		boolean revoked;
		try {
			revoked = Boolean.TRUE.equals(this.redis.hasKey(RevokedSessions.redisKey(sessionId)));
		}
		catch (DataAccessException ex) {
			// Refused, but as "try again" (503), not as a bug (500) nor as a bad token (401).
			throw new RevocationCheckUnavailableException(ex);
		}
		if (this.answers.size() >= MAX_REMEMBERED) {
			this.answers.clear();
		}
		this.answers.put(sessionId, new Answer(revoked, now.plus(this.cacheTtl)));
		return revoked;
	}

	private record Answer(boolean revoked, Instant expiresAt) {
	}

}
