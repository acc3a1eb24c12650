package com.mclass.enrollment.idempotency;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The Redis half of the Idempotency-Key records: refusals of sold-out classes are stored here instead of in a
 * PostgreSQL transaction, so the 94 % of a rush that is refused costs no database work at all.
 * <p>
 * One Redis key per (user, Idempotency-Key) says who decides that key, and is written with {@code SET NX}-like
 * atomicity by whichever request reaches it first:
 * <ul>
 * <li>{@value #DATABASE} — the key went (or goes) through the enrolling transaction; PostgreSQL's record and its
 * advisory lock decide (replay, reuse, in flight, or fresh when the earlier attempt stored nothing);</li>
 * <li>a stored refusal ({@code r|<request hash>|<status>|<token>|<exact body>}) — answered from here: the same request is
 * replayed byte for byte, a different one is {@code IDEMPOTENCY_KEY_REUSED}.</li>
 * </ul>
 * Every request that goes to the database registers the key first, so a refusal is only ever stored here for a key
 * PostgreSQL has never seen, and a key answered here is never decided again by the database. Redis unreachable →
 * {@link RedisUnavailable} (503, retry later): without it neither side can tell whether the other answered the key
 * already. Both kinds live for the idempotency TTL (a marker a minute longer, refreshed by each use, so it outlives the
 * PostgreSQL record it stands for).
 */
@Component
public class RedisIdempotencyRecords {

	static final String DATABASE = "db";

	private static final String REFUSAL_PREFIX = "r|";

	// The existing value if any (a marker's TTL refreshed), else SET with the TTL and nil: SET NX GET in one step.
	private static final RedisScript<String> CLAIM = RedisScript.of("""
			local v = redis.call('GET', KEYS[1])
			if v then
			  if v == ARGV[3] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
			  return v
			end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			return false
			""", String.class);

	private static final long MARKER_MARGIN_MILLIS = 60_000;

	private final StringRedisTemplate redis;

	private final IdempotencyProperties properties;

	RedisIdempotencyRecords(StringRedisTemplate redis, IdempotencyProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Registers the key for the enrolling transaction.
	 * @return what Redis answered this key with before (replay or reuse), or {@link Claim#FRESH} when the database
	 * decides
	 * @throws RedisUnavailable when Redis cannot be asked
	 */
	public Claim claimForDatabase(IdempotentRequest request) {
		String earlier = run(request, DATABASE, this.properties.ttl().toMillis() + MARKER_MARGIN_MILLIS);
		return (earlier == null || DATABASE.equals(earlier)) ? Claim.FRESH : answered(request, earlier);
	}

	/**
	 * Stores a refusal for a key nobody has used yet.
	 * @return {@link Claim#FRESH} when stored (send {@code refusal}); a replay or reuse of what this key was answered
	 * with here; or {@link Claim#IN_FLIGHT} when the key belongs to the database (let the transaction decide)
	 * @throws RedisUnavailable when Redis cannot be asked
	 */
	public Claim storeRefusal(IdempotentRequest request, StoredResponse refusal) {
		// The token tells this request's own record (a retried claim whose first answer timed out) from a replay's.
		String token = Long.toHexString(ThreadLocalRandom.current().nextLong());
		String value = REFUSAL_PREFIX + request.requestHash() + '|' + refusal.status() + '|' + token + '|' + refusal.body();
		String earlier = run(request, value, this.properties.ttl().toMillis());
		if (earlier == null || earlier.equals(value)) {
			return Claim.FRESH; // stored now, or by this request's first try whose answer timed out
		}
		return DATABASE.equals(earlier) ? Claim.IN_FLIGHT : answered(request, earlier);
	}

	/**
	 * Runs the claim, once more when the first answer timed out: on a saturated host the client's own threads are what
	 * is slow, and the script may be repeated (a second run finds what the first stored).
	 */
	private String run(IdempotentRequest request, String value, long ttlMillis) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.redis.execute(CLAIM, List.of(key(request)), value, Long.toString(ttlMillis), DATABASE);
			}
			catch (QueryTimeoutException ex) {
				if (attempt == 2) {
					throw new RedisUnavailable(ex);
				}
			}
			catch (RuntimeException ex) {
				throw new RedisUnavailable(ex);
			}
		}
	}

	private static Claim answered(IdempotentRequest request, String stored) {
		String[] parts = stored.split("\\|", 5);
		if (parts.length != 5 || !parts[0].equals("r")) {
			throw new IllegalStateException("Unreadable idempotency record in Redis for user " + request.userId());
		}
		if (!parts[1].equals(request.requestHash())) {
			return Claim.REUSED;
		}
		return new Claim(Claim.Kind.REPLAY, new StoredResponse(Integer.parseInt(parts[2]), parts[4]));
	}

	static String key(IdempotentRequest request) {
		return "mclass:enrollment:idempotency:" + request.userId() + ':' + request.key();
	}

	/** Redis could not be asked who decides a key: nothing was decided, the client retries later (503). */
	public static class RedisUnavailable extends RuntimeException {

		public RedisUnavailable(Throwable cause) {
			super("Idempotency records in Redis could not be read or written", cause);
		}

	}

}
