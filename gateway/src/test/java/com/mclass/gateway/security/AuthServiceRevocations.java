package com.mclass.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import com.mclass.platform.web.security.RevokedSessions;

/** Lists a session as revoked the way auth-service's END script does (its own copy is tested in auth-service). */
final class AuthServiceRevocations {

	private static final RedisScript<Long> REVOKE = new DefaultRedisScript<>("""
			redis.call('SET', KEYS[1], 'logout', 'PX', ARGV[2])
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			redis.call('ZADD', KEYS[2], string.format('%.0f', now), ARGV[1])
			return 1
			""", Long.class);

	private AuthServiceRevocations() {
	}

	static void revoke(ReactiveStringRedisTemplate redis, String sessionId) {
		redis.execute(REVOKE, List.of(RevokedSessions.redisKey(sessionId), RevokedSessions.REVOCATIONS_KEY),
				List.of(sessionId, Long.toString(Duration.ofMinutes(1).toMillis()))).blockLast(Duration.ofSeconds(5));
	}

}
