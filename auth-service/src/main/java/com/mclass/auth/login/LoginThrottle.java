package com.mclass.auth.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Slows password guessing without handing attackers a lock-out button. Failures are counted per account and per
 * client address for a window; reaching the limit refuses further attempts for a lock time that doubles with each
 * further failure but never exceeds the cap, and a successful login clears the account's count. Unknown e-mails
 * count like known ones, so the throttle does not reveal which accounts exist.
 * <p>
 * Keys: {@code mclass:auth:login:failures:<scope>:<id>} (counter, expires with the window) and
 * {@code mclass:auth:login:lock:<scope>:<id>} (present while locked; its TTL is the Retry-After), where scope is
 * {@code account} (id = SHA-256 of the e-mail, so no address is stored in clear) or {@code ip}.
 */
class LoginThrottle {

	private static final String PREFIX = "mclass:auth:login:";

	/** Counts a failure and, at or past the limit, locks for base × 2^(failures − limit), capped. Returns the lock ms. */
	private static final RedisScript<Long> FAIL = new DefaultRedisScript<>("""
			local failures = redis.call('INCR', KEYS[1])
			if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			local limit = tonumber(ARGV[2])
			if failures < limit then return 0 end
			local exponent = math.min(failures - limit, 30)
			local lock = math.min(tonumber(ARGV[3]) * (2 ^ exponent), tonumber(ARGV[4]))
			lock = math.floor(lock)
			redis.call('SET', KEYS[2], failures, 'PX', lock)
			-- The count must outlive the lock, or the next failure after it would start again from one.
			if redis.call('PTTL', KEYS[1]) < lock + tonumber(ARGV[1]) then
			  redis.call('PEXPIRE', KEYS[1], lock + tonumber(ARGV[1]))
			end
			return lock
			""", Long.class);

	private final StringRedisTemplate redis;

	private final LoginProperties properties;

	LoginThrottle(StringRedisTemplate redis, LoginProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/** Refuses with {@link LoginThrottled} while the account or the address is locked. */
	void checkAllowed(String email, String address) {
		long wait = Math.max(lockedForMillis(lockKey("account", accountId(email))), lockedForMillis(lockKey("ip", address)));
		if (wait > 0) {
			throw new LoginThrottled(Math.max(1, (wait + 999) / 1000));
		}
	}

	void recordFailure(String email, String address) {
		fail("account", accountId(email), this.properties.account());
		fail("ip", address, this.properties.ip());
	}

	void recordSuccess(String email) {
		String id = accountId(email);
		this.redis.delete(List.of(failuresKey("account", id), lockKey("account", id)));
	}

	private void fail(String scope, String id, LoginProperties.Limit limit) {
		this.redis.execute(FAIL, List.of(failuresKey(scope, id), lockKey(scope, id)), Long.toString(limit.window().toMillis()),
				Integer.toString(limit.maxFailures()), Long.toString(limit.lock().toMillis()), Long.toString(limit.maxLock().toMillis()));
	}

	private long lockedForMillis(String key) {
		Long ttl = this.redis.getExpire(key, TimeUnit.MILLISECONDS);
		return (ttl != null && ttl > 0) ? ttl : 0;
	}

	private static String failuresKey(String scope, String id) {
		return PREFIX + "failures:" + scope + ":" + id;
	}

	private static String lockKey(String scope, String id) {
		return PREFIX + "lock:" + scope + ":" + id;
	}

	private static String accountId(String email) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
