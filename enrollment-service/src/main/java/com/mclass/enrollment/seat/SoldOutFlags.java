package com.mclass.enrollment.seat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A short cut for the rush: once a first-come class has no seat and no waitlist place left, further applicants are
 * told so without queueing on the class's ledger row. The database stays the only authority; the flag may only ever
 * say "full" when a committed ledger state said so and nothing has been freed since, on any replica:
 * <ul>
 * <li>Every committed change that frees a seat or waitlist place increments the class's "freed" generation in Redis.</li>
 * <li>A flag is written after a failed allocation committed, holding the generation read <em>before</em> that
 * allocation ran, and counts only while it still equals the current generation. A release that commits while the
 * flag is being written therefore invalidates it, whichever of the two reaches Redis first.</li>
 * <li>The flag also expires after a few seconds, which bounds the effect of a generation increment that was lost
 * (a replica dying between its commit and Redis).</li>
 * <li>Each flag written carries a token of its own ({@code <generation>:<token>}), so whatever a replica derives
 * from one flag (the students holding places, see {@code HoldersOfFullClasses}) is never reused for a later flag of
 * the same generation.</li>
 * </ul>
 * Staleness: once the request that freed a place has been answered, no flag refuses anyone (its increment ran before
 * the answer); only if that increment was lost, refusals go on for at most {@code mclass.enrollment.sold-out-ttl}.
 * When Redis cannot be read or written, nothing is short-cut: the database decides.
 */
@Component
public class SoldOutFlags {

	private static final Logger log = LoggerFactory.getLogger(SoldOutFlags.class);

	private static final Duration GENERATION_TTL = Duration.ofDays(2);

	private final StringRedisTemplate redis;

	private final Duration ttl;

	SoldOutFlags(StringRedisTemplate redis, @Value("${mclass.enrollment.sold-out-ttl:3s}") Duration ttl) {
		this.redis = redis;
		this.ttl = ttl;
	}

	/** What Redis says about a class right now, read before the enrolling transaction starts. */
	public Hint read(UUID classId) {
		try {
			List<String> values = this.redis.opsForValue().multiGet(List.of(flagKey(classId), generationKey(classId)));
			if (values == null || values.size() != 2) {
				return Hint.UNKNOWN;
			}
			String generation = (values.get(1) != null) ? values.get(1) : "0";
			String flag = values.get(0);
			boolean valid = flag != null && generation.equals(generationOf(flag));
			return new Hint(valid, generation, valid ? flag : null);
		}
		catch (RuntimeException ex) {
			log.debug("Sold-out flag of class {} could not be read; asking the database", classId, ex);
			return Hint.UNKNOWN;
		}
	}

	/** After the current transaction commits, flags the class as sold out as of the generation {@code seen}. */
	public void markSoldOutAfterCommit(UUID classId, Hint seen) {
		if (seen.generation() == null) {
			return;
		}
		String flag = seen.generation() + ':' + Long.toHexString(ThreadLocalRandom.current().nextLong());
		afterCommit(() -> this.redis.opsForValue().set(flagKey(classId), flag, this.ttl));
	}

	/** After the current transaction commits, invalidates every sold-out flag of the class. */
	void seatsFreedAfterCommit(UUID classId) {
		afterCommit(() -> {
			this.redis.opsForValue().increment(generationKey(classId));
			this.redis.expire(generationKey(classId), GENERATION_TTL);
		});
	}

	private static void afterCommit(Runnable action) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				try {
					action.run();
				}
				catch (RuntimeException ex) {
					// The flag's TTL bounds what a missed write costs; the commit itself stands.
					log.warn("Could not update a sold-out flag in Redis", ex);
				}
			}
		});
	}

	private static String generationOf(String flag) {
		int separator = flag.indexOf(':');
		return (separator < 0) ? flag : flag.substring(0, separator);
	}

	static String flagKey(UUID classId) {
		return "mclass:enrollment:sold-out:" + classId;
	}

	static String generationKey(UUID classId) {
		return "mclass:enrollment:seats-freed:" + classId;
	}

	/**
	 * @param soldOut whether a valid flag said the class is full
	 * @param generation the "freed" generation read, or {@code null} when Redis could not be read
	 * @param flag the valid flag itself (generation and token), {@code null} unless {@code soldOut}
	 */
	public record Hint(boolean soldOut, String generation, String flag) {

		static final Hint UNKNOWN = new Hint(false, null, null);

		public static Hint unknown() {
			return UNKNOWN;
		}

	}

}
