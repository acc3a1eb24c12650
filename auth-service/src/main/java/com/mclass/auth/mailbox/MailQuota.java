package com.mclass.auth.mailbox;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * How many mails of one kind a recipient gets per hour: registration and the resend endpoint cannot be turned into a
 * way to flood someone's mailbox. A fixed window per recipient, counted in one script.
 * Key: {@code mclass:auth:mail-quota:<kind>:<sha256(email)>} → count, expiring with the window.
 */
class MailQuota {

	private static final String PREFIX = "mclass:auth:mail-quota:";

	/** Returns 0 when the mail may go (and counts it), else the ms until the window ends. */
	private static final RedisScript<Long> TAKE = new DefaultRedisScript<>("""
			local sent = tonumber(redis.call('GET', KEYS[1]) or '0')
			if sent >= tonumber(ARGV[1]) then
			  local ttl = redis.call('PTTL', KEYS[1])
			  if ttl > 0 then return ttl end
			  return tonumber(ARGV[2])
			end
			if redis.call('INCR', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
			return 0
			""", Long.class);

	private static final Duration WINDOW = Duration.ofHours(1);

	private final StringRedisTemplate redis;

	private final int perHour;

	MailQuota(StringRedisTemplate redis, int perHour) {
		this.redis = redis;
		this.perHour = perHour;
	}

	/** Counts one mail to {@code email}; returns 0 if it may go, else how many ms until it may. */
	long take(String kind, String email) {
		Long wait = this.redis.execute(TAKE, List.of(PREFIX + kind + ":" + MailboxTokens.sha256(email)),
				Integer.toString(this.perHour), Long.toString(WINDOW.toMillis()));
		return (wait != null) ? wait : 0;
	}

}
