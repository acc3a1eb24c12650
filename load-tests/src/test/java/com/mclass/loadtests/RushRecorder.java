package com.mclass.loadtests;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the rush observed, from the client's side: every enroll request's outcome (status and, for 201, the placement;
 * else the error code) and response time, replays checked against their first answer, and the rush's wall-clock
 * window (first request sent to last response received). Thread-safe: Gatling's virtual users report concurrently.
 */
final class RushRecorder {

	/** Outcome of a request that got no HTTP answer (connection refused or reset, timeout). */
	static final String NO_ANSWER = "no answer";

	private final long[] firstLatencies;

	private final long[] replayLatencies;

	private final AtomicInteger firstCount = new AtomicInteger();

	private final AtomicInteger replayCount = new AtomicInteger();

	private final AtomicLong startNanos = new AtomicLong(Long.MAX_VALUE);

	private final AtomicLong endNanos = new AtomicLong(Long.MIN_VALUE);

	private final AtomicLong lastSendNanos = new AtomicLong(Long.MIN_VALUE);

	private final AtomicLong startEpochMillis = new AtomicLong(Long.MAX_VALUE);

	private final AtomicLong endEpochMillis = new AtomicLong(Long.MIN_VALUE);

	private final Map<String, LongAdder> firstOutcomes = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> replayOutcomes = new ConcurrentHashMap<>();

	private final Map<String, String> sampleBodies = new ConcurrentHashMap<>();

	private final LongAdder serverErrors = new LongAdder();

	private final LongAdder noAnswers = new LongAdder();

	private final LongAdder unexpectedStatus = new LongAdder();

	private final LongAdder replayIdentical = new LongAdder();

	private final LongAdder replayMismatches = new LongAdder();

	private final LongAdder replaySkipped = new LongAdder();

	private final LongAdder replayFailed = new LongAdder();

	RushRecorder(int users) {
		this.firstLatencies = new long[users];
		this.replayLatencies = new long[users];
	}

	void sending() {
		long now = System.nanoTime();
		this.startNanos.accumulateAndGet(now, Math::min);
		this.lastSendNanos.accumulateAndGet(now, Math::max);
		this.startEpochMillis.accumulateAndGet(System.currentTimeMillis(), Math::min);
	}

	/** A first attempt's answer; {@code status} null when none came. */
	void first(Integer status, String placement, String code, Integer millis, String body) {
		received();
		String outcome = outcome(status, placement, code);
		this.firstOutcomes.computeIfAbsent(outcome, (k) -> new LongAdder()).increment();
		if (body != null) {
			this.sampleBodies.putIfAbsent(outcome, (body.length() > 400) ? body.substring(0, 400) + "…" : body);
		}
		count(status);
		if (status != null && millis != null) {
			this.firstLatencies[this.firstCount.getAndIncrement()] = millis;
		}
	}

	/** A replay's answer, and whether it repeated the first answer exactly (status, body, Idempotent-Replayed). */
	void replay(Integer status, String placement, String code, Integer millis, boolean identical) {
		received();
		this.replayOutcomes.computeIfAbsent(outcome(status, placement, code), (k) -> new LongAdder()).increment();
		count(status);
		if (status != null && millis != null) {
			this.replayLatencies[this.replayCount.getAndIncrement()] = millis;
		}
		if (status == null || status >= 500) {
			this.replayFailed.increment(); // counted with the 5xx / no-answer figures; not a wrong replay
		}
		else {
			(identical ? this.replayIdentical : this.replayMismatches).increment();
		}
	}

	/** A student chosen to retry whose first attempt got no answer worth replaying (none, or a 5xx). */
	void replaySkipped() {
		this.replaySkipped.increment();
	}

	private void received() {
		this.endNanos.accumulateAndGet(System.nanoTime(), Math::max);
		this.endEpochMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
	}

	private void count(Integer status) {
		if (status == null) {
			this.noAnswers.increment();
			return;
		}
		if (status >= 500) {
			this.serverErrors.increment();
		}
		if (status != 201 && status != 409) {
			this.unexpectedStatus.increment();
		}
	}

	private static String outcome(Integer status, String placement, String code) {
		if (status == null) {
			return NO_ANSWER;
		}
		if (status == 201) {
			return "201 " + ((placement != null) ? placement : "?");
		}
		return status + " " + ((code != null && !code.isEmpty()) ? code : "-");
	}

	/** The counts, latencies and window, frozen. */
	Result result() {
		long[] first = Arrays.copyOf(this.firstLatencies, this.firstCount.get());
		long[] replays = Arrays.copyOf(this.replayLatencies, this.replayCount.get());
		long[] all = Arrays.copyOf(first, first.length + replays.length);
		System.arraycopy(replays, 0, all, first.length, replays.length);
		Arrays.sort(first);
		Arrays.sort(replays);
		Arrays.sort(all);
		long start = this.startNanos.get();
		long end = this.endNanos.get();
		double seconds = (start == Long.MAX_VALUE || end == Long.MIN_VALUE) ? 0 : Math.max(1, end - start) / 1e9;
		double arrivalSeconds = (start == Long.MAX_VALUE) ? 0 : (this.lastSendNanos.get() - start) / 1e9;
		return new Result(sorted(this.firstOutcomes), new TreeMap<>(this.sampleBodies), sorted(this.replayOutcomes), first, replays,
				all, seconds, arrivalSeconds,
				this.startEpochMillis.get(), this.endEpochMillis.get(), this.serverErrors.sum(), this.noAnswers.sum(),
				this.unexpectedStatus.sum(), this.replayIdentical.sum(), this.replayMismatches.sum(), this.replaySkipped.sum(), this.replayFailed.sum());
	}

	private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
		Map<String, Long> sorted = new TreeMap<>();
		counts.forEach((k, v) -> sorted.put(k, v.sum()));
		return sorted;
	}

	record Result(Map<String, Long> firstOutcomes, Map<String, String> sampleBodies, Map<String, Long> replayOutcomes, long[] firstMillis, long[] replayMillis,
			long[] allMillis, double seconds, double arrivalSeconds, long startEpochMillis, long endEpochMillis, long serverErrors, long noAnswers,
			long unexpectedStatus, long replayIdentical, long replayMismatches, long replaySkipped, long replayFailed) {

		/** Enroll requests that got an answer (first attempts and replays). */
		long answered() {
			return this.allMillis.length;
		}

		long sent() {
			return this.firstOutcomes.values().stream().mapToLong(Long::longValue).sum()
					+ this.replayOutcomes.values().stream().mapToLong(Long::longValue).sum();
		}

		double attemptsPerSecond() {
			return (this.seconds > 0) ? answered() / this.seconds : 0;
		}

		long first(String outcome) {
			return this.firstOutcomes.getOrDefault(outcome, 0L);
		}

		static long percentile(long[] sorted, double p) {
			if (sorted.length == 0) {
				return -1;
			}
			int rank = (int) Math.ceil(p / 100.0 * sorted.length); // nearest rank
			return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
		}

		static double mean(long[] values) {
			return Arrays.stream(values).average().orElse(-1);
		}

	}

}
