package com.mclass.auth.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Slows password guessing without handing attackers a lock-out button (OWASP Authentication Cheat Sheet). Three
 * counts, each over its window:
 * <ul>
 * <li>per (account, client address): reaching the limit locks that client out of that account, for a lock that
 * doubles with each further failure up to a cap. Another client of the same account is not affected, so five wrong
 * passwords from an attacker's address do not lock the owner out;</li>
 * <li>per account from every address: past its limit the account is under a distributed attack, and every client
 * gets one failure before its lock: a botnet gets one guess per address, the owner's clean client still gets in;</li>
 * <li>per client address, across accounts (password spraying).</li>
 * </ul>
 * Client addresses count by {@link ThrottleKeys} (an IPv6 client by its /64). An attempt is <em>reserved</em> before
 * the password is hashed: one Lua script checks the locks and counts the attempt as a failure of its (account,
 * client), so parallel guesses cannot all pass the check; a success (or an attempt that never got to hashing) gives
 * the reservation back. The address and account counts take only wrong passwords, after hashing.
 * Unknown e-mails count like known ones, so the throttle does not reveal which accounts exist.
 * <p>
 * Keys ({@code mclass.auth.login.key-prefix}, by default {@code mclass:auth:login:}, then):
 * {@code failures:client:<sha256(email, client)>}, {@code lock:client:…},
 * {@code failures:account:<sha256(email)>}, {@code failures:ip:<client>}, {@code lock:ip:<client>}; counters expire
 * with their window (extended to outlive a lock), locks with the lock (their TTL is the {@code Retry-After}).
 */
class LoginThrottle {

	/** Counts one failure and, at or past the limit, locks for base × 2^(failures − limit), capped. */
	private static final String COUNT = """
			local function count(failuresKey, lockKey, window, limit, base, cap)
			  local failures = redis.call('INCR', failuresKey)
			  if failures == 1 then redis.call('PEXPIRE', failuresKey, window) end
			  if failures < limit then return end
			  local lock = math.floor(math.min(base * (2 ^ math.min(failures - limit, 30)), cap))
			  redis.call('SET', lockKey, failures, 'PX', lock)
			  -- The count must outlive the lock, or the next failure after it would start again from one.
			  if redis.call('PTTL', failuresKey) < lock + window then redis.call('PEXPIRE', failuresKey, lock + window) end
			end
			""";

	/**
	 * KEYS: client failures, client lock, ip lock, account failures. ARGV: client window, limit, lock, max lock;
	 * account limit. Returns the remaining lock in ms if refused, else 0 after counting the attempt for the client.
	 */
	private static final RedisScript<Long> RESERVE = new DefaultRedisScript<>(COUNT + """
			local wait = math.max(redis.call('PTTL', KEYS[2]), redis.call('PTTL', KEYS[3]), 0)
			if wait > 0 then return wait end
			local clientLimit = tonumber(ARGV[2])
			if tonumber(redis.call('GET', KEYS[4]) or '0') >= tonumber(ARGV[5]) then clientLimit = 1 end
			count(KEYS[1], KEYS[2], tonumber(ARGV[1]), clientLimit, tonumber(ARGV[3]), tonumber(ARGV[4]))
			return 0
			""", Long.class);

	/**
	 * A wrong password (the client's count already holds it): counts it for the address and the account. KEYS: ip
	 * failures, ip lock, account failures; ARGV: ip window, limit, lock, max lock; account window.
	 */
	private static final RedisScript<Long> FAILED = new DefaultRedisScript<>(COUNT + """
			count(KEYS[1], KEYS[2], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]))
			if redis.call('INCR', KEYS[3]) == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[5]) end
			return 1
			""", Long.class);

	/**
	 * Gives a client's reservation back. KEYS: client failures, client lock; ARGV: 1 if the client proved itself
	 * (clear its count and lock), else 0 (the attempt never happened: take one off, lifting a lock it set); client
	 * limit.
	 */
	private static final RedisScript<Long> RELEASE = new DefaultRedisScript<>("""
			if ARGV[1] == '1' then
			  redis.call('DEL', KEYS[1], KEYS[2])
			  return 1
			end
			local left = tonumber(redis.call('GET', KEYS[1]) or '0')
			if left > 0 then left = redis.call('DECR', KEYS[1]) end
			if left < tonumber(ARGV[2]) then redis.call('DEL', KEYS[2]) end
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final LoginProperties properties;

	LoginThrottle(StringRedisTemplate redis, LoginProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Reserves one attempt for {@code email} from {@code address}: counted as a failure of that client until
	 * {@link #succeeded} or {@link #abandoned}, so parallel guesses cannot all pass; refuses with
	 * {@link LoginThrottled} while the client or the address is locked. Only the client's own count is reserved:
	 * a sign-in storm of different users behind one address must not lock that address while their hashes are
	 * still running.
	 */
	void reserve(String email, String address) {
		Keys keys = Keys.of(this.properties.keyPrefix(), email, address);
		LoginProperties.Limit client = this.properties.accountClient();
		Long wait = this.redis.execute(RESERVE, List.of(keys.clientFailures(), keys.clientLock(), keys.ipLock(), keys.accountFailures()),
				millis(client.window()), Integer.toString(client.maxFailures()), millis(client.lock()), millis(client.maxLock()),
				Integer.toString(this.properties.account().maxFailures()));
		if (wait != null && wait > 0) {
			throw new LoginThrottled(Duration.ofMillis(wait));
		}
	}

	/** The password was wrong: it counts for the address and the account too. */
	void failed(String email, String address) {
		Keys keys = Keys.of(this.properties.keyPrefix(), email, address);
		LoginProperties.Limit ip = this.properties.ip();
		this.redis.execute(FAILED, List.of(keys.ipFailures(), keys.ipLock(), keys.accountFailures()), millis(ip.window()),
				Integer.toString(ip.maxFailures()), millis(ip.lock()), millis(ip.maxLock()), millis(this.properties.account().window()));
	}

	/** The right password: this client's count is cleared. */
	void succeeded(String email, String address) {
		release(email, address, true);
	}

	/** The password was never checked (the server was too busy): as if the attempt had not been made. */
	void abandoned(String email, String address) {
		release(email, address, false);
	}

	private void release(String email, String address, boolean clearClient) {
		Keys keys = Keys.of(this.properties.keyPrefix(), email, address);
		this.redis.execute(RELEASE, List.of(keys.clientFailures(), keys.clientLock()), clearClient ? "1" : "0",
				Integer.toString(this.properties.accountClient().maxFailures()));
	}

	/** The Redis keys of one attempt. */
	private record Keys(String clientFailures, String clientLock, String ipFailures, String ipLock, String accountFailures) {

		static Keys of(String prefix, String email, String address) {
			String client = ThrottleKeys.of(address);
			String accountClient = sha256(email + "\n" + client);
			return new Keys(prefix + "failures:client:" + accountClient, prefix + "lock:client:" + accountClient,
					prefix + "failures:ip:" + client, prefix + "lock:ip:" + client, prefix + "failures:account:" + sha256(email));
		}

	}

	private static String millis(Duration duration) {
		return Long.toString(duration.toMillis());
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
