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
 * the password is hashed: one Lua script checks the locks and counts the attempt as a failure, so parallel guesses
 * cannot all pass the check; a success (or an attempt that never got to hashing) gives the reservation back.
 * Unknown e-mails count like known ones, so the throttle does not reveal which accounts exist.
 * <p>
 * Keys ({@code mclass:auth:login:}…): {@code failures:client:<sha256(email, client)>}, {@code lock:client:…},
 * {@code failures:account:<sha256(email)>}, {@code failures:ip:<client>}, {@code lock:ip:<client>}; counters expire
 * with their window (extended to outlive a lock), locks with the lock (their TTL is the {@code Retry-After}).
 */
class LoginThrottle {

	private static final String PREFIX = "mclass:auth:login:";

	/**
	 * KEYS: client failures, client lock, ip failures, ip lock, account failures. ARGV: client window, limit, lock,
	 * max lock; ip window, limit, lock, max lock; account window, limit. Returns the remaining lock in ms if refused,
	 * else 0 after counting the attempt.
	 */
	private static final RedisScript<Long> RESERVE = new DefaultRedisScript<>("""
			local function count(failuresKey, lockKey, window, limit, base, cap)
			  local failures = redis.call('INCR', failuresKey)
			  if failures == 1 then redis.call('PEXPIRE', failuresKey, window) end
			  if failures < limit then return end
			  local lock = math.floor(math.min(base * (2 ^ math.min(failures - limit, 30)), cap))
			  redis.call('SET', lockKey, failures, 'PX', lock)
			  -- The count must outlive the lock, or the next failure after it would start again from one.
			  if redis.call('PTTL', failuresKey) < lock + window then redis.call('PEXPIRE', failuresKey, lock + window) end
			end
			local wait = math.max(redis.call('PTTL', KEYS[2]), redis.call('PTTL', KEYS[4]), 0)
			if wait > 0 then return wait end
			local clientLimit = tonumber(ARGV[2])
			if tonumber(redis.call('GET', KEYS[5]) or '0') >= tonumber(ARGV[10]) then clientLimit = 1 end
			count(KEYS[1], KEYS[2], tonumber(ARGV[1]), clientLimit, tonumber(ARGV[3]), tonumber(ARGV[4]))
			count(KEYS[3], KEYS[4], tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]))
			local account = redis.call('INCR', KEYS[5])
			if account == 1 then redis.call('PEXPIRE', KEYS[5], ARGV[9]) end
			return 0
			""", Long.class);

	/**
	 * Gives a reservation back. KEYS as in RESERVE; ARGV: 1 if the client proved itself (clear its count and lock),
	 * else 0 (the attempt never happened: take one off); ip limit; client limit. A lock the reservation itself set is lifted.
	 */
	private static final RedisScript<Long> RELEASE = new DefaultRedisScript<>("""
			local function takeOne(failuresKey)
			  local left = tonumber(redis.call('GET', failuresKey) or '0')
			  if left > 0 then left = redis.call('DECR', failuresKey) end
			  return left
			end
			if ARGV[1] == '1' then
			  redis.call('DEL', KEYS[1], KEYS[2])
			else
			  if takeOne(KEYS[1]) < tonumber(ARGV[3]) then redis.call('DEL', KEYS[2]) end
			end
			if takeOne(KEYS[3]) < tonumber(ARGV[2]) then redis.call('DEL', KEYS[4]) end
			takeOne(KEYS[5])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final LoginProperties properties;

	LoginThrottle(StringRedisTemplate redis, LoginProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Reserves one attempt for {@code email} from {@code address}, counted as a failure until {@link #succeeded} or
	 * {@link #abandoned}; refuses with {@link LoginThrottled} while the client or the address is locked.
	 */
	void reserve(String email, String address) {
		LoginProperties.Limit client = this.properties.accountClient();
		LoginProperties.Limit ip = this.properties.ip();
		LoginProperties.Limit account = this.properties.account();
		Long wait = this.redis.execute(RESERVE, keys(email, address), millis(client.window()), Integer.toString(client.maxFailures()),
				millis(client.lock()), millis(client.maxLock()), millis(ip.window()), Integer.toString(ip.maxFailures()),
				millis(ip.lock()), millis(ip.maxLock()), millis(account.window()), Integer.toString(account.maxFailures()));
		if (wait != null && wait > 0) {
			throw new LoginThrottled((wait + 999) / 1000);
		}
	}

	/** The right password: this client's count is cleared, and the attempt no longer counts for the address or account. */
	void succeeded(String email, String address) {
		release(email, address, true);
	}

	/** The password was never checked (the server was too busy): as if the attempt had not been made. */
	void abandoned(String email, String address) {
		release(email, address, false);
	}

	private void release(String email, String address, boolean clearClient) {
		this.redis.execute(RELEASE, keys(email, address), clearClient ? "1" : "0",
				Integer.toString(this.properties.ip().maxFailures()), Integer.toString(this.properties.accountClient().maxFailures()));
	}

	private static List<String> keys(String email, String address) {
		String client = ThrottleKeys.of(address);
		String account = sha256(email);
		String accountClient = sha256(email + "\n" + client);
		return List.of(PREFIX + "failures:client:" + accountClient, PREFIX + "lock:client:" + accountClient,
				PREFIX + "failures:ip:" + client, PREFIX + "lock:ip:" + client, PREFIX + "failures:account:" + account);
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
