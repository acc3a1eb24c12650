package com.mclass.platform.web.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * An in-memory copy of the sessions ended in the last {@code mclass.security.revocation-window}, kept current by
 * polling the sorted set auth-service adds every ended session to ({@link RevokedSessions#REVOCATIONS_KEY}). In an
 * enrollment rush every student has a session of their own and sends about one request, so a per-session cache never
 * hits and each request would cost a Redis round trip (two: gateway and service) just to learn that nothing was
 * revoked; the mirror answers those from memory.
 * <p>
 * It answers only while the last successful poll <em>started</em> less than {@code revocation-cache-ttl} ago: a poll
 * that started after a logout has seen it, so a logout is refused within that time, as with the per-session cache.
 * Otherwise (Redis slow or down, the poller starved of CPU) it answers {@link Answer#UNKNOWN} and the caller falls
 * back to the per-session key, which refuses the token when Redis cannot be asked: Redis stays the authority.
 * <p>
 * Polls are incremental: the script returns Redis' own clock, and the next poll asks for what was added since then
 * (less {@code revocation-poll-overlap}, for a Redis clock that steps back, e.g. after a failover). auth-service scores
 * each revocation with the same clock inside the same script that writes it, so nothing added after a poll can carry
 * an earlier score. After a gap longer than the overlap (first poll, an outage) the whole window is read again.
 * <p>
 * {@link #answer(String)} may be called from any number of threads; one poller at a time calls {@link #nextPoll()},
 * {@link #polled(Poll, List)} and {@link #pollFailed(Throwable)}.
 */
public final class RevocationMirror {

	/**
	 * One round trip: Redis' clock (ms) followed by the revoked sessions and their scores since {@code ARGV[1]} (the
	 * previous poll's clock, less the overlap) or, when {@code ARGV[1]} is empty, in the whole window. Formatting with
	 * {@code %.0f} keeps millisecond timestamps exact (Lua prints numbers with 14 significant digits).
	 */
	@SuppressWarnings("rawtypes")
	public static final RedisScript<List> POLL = new DefaultRedisScript<>("""
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			local from = now - tonumber(ARGV[3])
			if ARGV[1] ~= '' then
			  from = math.max(from, math.min(tonumber(ARGV[1]), now) - tonumber(ARGV[2]))
			end
			local reply = redis.call('ZRANGEBYSCORE', KEYS[1], string.format('%.0f', from), '+inf', 'WITHSCORES')
			table.insert(reply, 1, string.format('%.0f', now))
			return reply
			""", List.class);

	private static final Logger log = LoggerFactory.getLogger(RevocationMirror.class);

	private static final long NEVER = Long.MIN_VALUE;

	private final Duration window;

	private final Duration overlap;

	private final Duration freshFor;

	private final Clock clock;

	private final long createdAt;

	/** Session id to the Redis time (ms) of its revocation. Read by request threads, written by the poller. */
	private final Map<String, Long> revoked = new ConcurrentHashMap<>();

	/** The same revocations in the order they arrived (roughly by score), so that forgetting them is cheap. */
	private final Deque<Revocation> byArrival = new ArrayDeque<>();

	private final LongAdder unanswered = new LongAdder();

	/**
	 * Local time at which the last successful poll was sent. Written after the revocations it brought, so a reader that
	 * sees it fresh also sees them.
	 */
	private volatile long lastPollSentAt = NEVER;

	/** Redis' clock at the last successful poll: where the next one starts reading. */
	private long redisTimeAtLastPoll = NEVER;

	private State state = State.STARTING;

	/**
	 * @param window how long a revocation is kept: at least the access-token lifetime (and clock skew), after which
	 * the session's tokens have expired anyway
	 * @param overlap how far back before the previous poll each poll reads again
	 * @param freshFor how old the last successful poll may be for the mirror to answer
	 */
	public RevocationMirror(Duration window, Duration overlap, Duration freshFor, Clock clock) {
		this.window = window;
		this.overlap = overlap;
		this.freshFor = freshFor;
		this.clock = clock;
		this.createdAt = clock.millis();
	}

	public static RevocationMirror of(MclassSecurityProperties properties, Clock clock) {
		return new RevocationMirror(properties.revocationWindow(), properties.revocationPollOverlap(),
				properties.revocationCacheTtl(), clock);
	}

	/**
	 * Whether {@code sessionId} was revoked, or {@link Answer#UNKNOWN} when the mirror is not current enough to say
	 * (the caller then asks Redis about that session).
	 */
	public Answer answer(String sessionId) {
		return answer(sessionId, null);
	}

	/**
	 * Like {@link #answer(String)} for a token issued at {@code issuedAt}. A token older than the window (less the
	 * overlap, for clock skew) may belong to a session whose revocation the mirror has already forgotten, as happens
	 * when tokens live longer than the window was configured for: such a token is {@link Answer#UNKNOWN}, so its
	 * session is looked up in Redis instead. {@code null} means "not known", treated as recent.
	 */
	public Answer answer(String sessionId, Instant issuedAt) {
		if (issuedAt != null
				&& issuedAt.toEpochMilli() < this.clock.millis() - this.window.toMillis() + this.overlap.toMillis()) {
			this.unanswered.increment();
			return Answer.UNKNOWN;
		}
		long sentAt = this.lastPollSentAt;
		long age = this.clock.millis() - sentAt;
		// A negative age is a local clock that stepped back: the mirror's freshness cannot be judged, so it is not.
		if (sentAt == NEVER || age < 0 || age >= this.freshFor.toMillis()) {
			this.unanswered.increment();
			return Answer.UNKNOWN;
		}
		return this.revoked.containsKey(sessionId) ? Answer.REVOKED : Answer.LIVE;
	}

	/** What to ask Redis next: run {@link #POLL} with these keys and arguments, then report the reply. */
	public synchronized Poll nextPoll() {
		long now = this.clock.millis();
		// After a gap longer than the overlap (or a local clock step) a Redis clock step could have hidden entries
		// from an incremental read, so the whole window is read again.
		boolean incremental = this.redisTimeAtLastPoll != NEVER && now >= this.lastPollSentAt
				&& now - this.lastPollSentAt < this.overlap.toMillis();
		String since = incremental ? Long.toString(this.redisTimeAtLastPoll) : "";
		return new Poll(List.of(RevokedSessions.REVOCATIONS_KEY),
				List.of(since, Long.toString(this.overlap.toMillis()), Long.toString(this.window.toMillis())), now);
	}

	/** Takes in the reply to {@code poll}: Redis' clock, then session ids each followed by its score. */
	public synchronized void polled(Poll poll, List<?> reply) {
		if (reply == null || reply.isEmpty()) {
			throw new IllegalStateException("Redis sent no reply to the revocations poll");
		}
		long redisTime = Long.parseLong(text(reply.get(0)));
		int added = 0;
		for (int i = 1; i + 1 < reply.size(); i += 2) {
			String sessionId = text(reply.get(i));
			long revokedAt = (long) Double.parseDouble(text(reply.get(i + 1)));
			// Each poll reads the overlap again: a session already known keeps its first (earliest) entry.
			if (this.revoked.putIfAbsent(sessionId, revokedAt) == null) {
				this.byArrival.addLast(new Revocation(sessionId, revokedAt));
				added++;
			}
		}
		forgetRevokedBefore(redisTime - this.window.toMillis());
		this.redisTimeAtLastPoll = redisTime;
		this.lastPollSentAt = poll.sentAt();
		if (this.state != State.CURRENT) {
			log.info("Revoked sessions are mirrored from Redis{}: {} known, {} new", (this.state == State.FAILING)
					? " again" : "", this.revoked.size(), added);
			this.state = State.CURRENT;
		}
	}

	/** Logged once per outage, not once per poll; requests meanwhile fall back to per-session lookups. */
	public synchronized void pollFailed(Throwable failure) {
		if (this.state != State.FAILING) {
			log.warn("Revoked sessions cannot be mirrored from Redis ({}); each session is looked up in Redis until "
					+ "the mirror recovers", failure.toString());
			this.state = State.FAILING;
		}
	}

	/** Seconds since the last successful poll was sent (since start, before the first one). */
	double ageSeconds() {
		long sentAt = this.lastPollSentAt;
		return (this.clock.millis() - ((sentAt != NEVER) ? sentAt : this.createdAt)) / 1000.0;
	}

	/** Revocation checks the mirror could not answer because it was not current. */
	long unansweredCount() {
		return this.unanswered.sum();
	}

	int size() {
		return this.revoked.size();
	}

	/**
	 * Revocations older than the window concern tokens that have expired. One that arrived out of order (within the
	 * overlap) waits for those before it: kept a little longer, never forgotten early.
	 */
	private void forgetRevokedBefore(long cutoff) {
		while (!this.byArrival.isEmpty() && this.byArrival.peekFirst().revokedAt() < cutoff) {
			Revocation expired = this.byArrival.pollFirst();
			this.revoked.remove(expired.sessionId(), expired.revokedAt());
		}
	}

	private static String text(Object element) {
		return (element instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(element);
	}

	/** What the mirror can say about a session. */
	public enum Answer {

		REVOKED, LIVE,
		/** The mirror is not current: ask Redis about this session. */
		UNKNOWN

	}

	/**
	 * A poll to send: the keys and arguments of {@link #POLL}, and the local time it was prepared, from which the
	 * mirror's freshness is counted once the reply is in.
	 */
	public record Poll(List<String> keys, List<String> args, long sentAt) {
	}

	private record Revocation(String sessionId, long revokedAt) {
	}

	private enum State {

		STARTING, CURRENT, FAILING

	}

}
