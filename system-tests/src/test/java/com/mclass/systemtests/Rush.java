package com.mclass.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Students pressing "enroll" at once through the gateway, each as a real client would: one {@code Idempotency-Key}
 * per student, and the same request sent again with the same key after a 502, 503, 504 or a connection error (waiting
 * what {@code Retry-After} says), until an answer that is not an outage or the deadline. Every attempt is recorded with
 * its time, so that a test can tell what happened inside and outside a fault's window.
 */
final class Rush {

	/** A status for "no HTTP answer at all": connection refused or reset, timeout. */
	static final int CONNECTION_ERROR = -1;

	private static final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final URI gateway;

	private final int clients;

	private final Duration spread;

	private final Duration deadline;

	private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();

	/**
	 * @param clients parallel HTTP clients
	 * @param spread the first requests are spread evenly over this long, so that the rush is still arriving when a
	 * fault strikes
	 * @param deadline how long one student keeps retrying
	 */
	Rush(URI gateway, int clients, Duration spread, Duration deadline) {
		this.gateway = gateway;
		this.clients = clients;
		this.spread = spread;
		this.deadline = deadline;
	}

	/** Starts every student's enrollment in the background; {@link Running#await()} returns each one's last answer. */
	Running start(String classId, List<Student> students) {
		ExecutorService threads = Executors.newFixedThreadPool(this.clients);
		long startedAt = System.nanoTime();
		long step = this.spread.toNanos() / Math.max(1, students.size());
		List<Future<Outcome>> outcomes = new ArrayList<>();
		for (int i = 0; i < students.size(); i++) {
			Student student = students.get(i);
			long notBefore = startedAt + i * step;
			outcomes.add(threads.submit(() -> enroll(classId, student, notBefore)));
		}
		threads.shutdown();
		return new Running(threads, outcomes, startedAt);
	}

	private Outcome enroll(String classId, Student student, long notBefore) throws InterruptedException {
		long wait = notBefore - System.nanoTime();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
		String key = UUID.randomUUID().toString();
		HttpRequest request = HttpRequest.newBuilder(this.gateway.resolve("/api/mclasses/" + classId + "/enrollments"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + student.accessToken())
			.header("Idempotency-Key", key)
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString("{\"answers\":{}}"))
			.build();
		long giveUpAt = System.nanoTime() + this.deadline.toNanos();
		while (true) {
			long sentAt = System.nanoTime();
			Attempt attempt;
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				attempt = new Attempt(student, sentAt, System.nanoTime(), response.statusCode(),
						response.headers().firstValue("Retry-After").orElse(null), response.body());
			}
			catch (IOException ex) {
				attempt = new Attempt(student, sentAt, System.nanoTime(), CONNECTION_ERROR, null, ex.toString());
			}
			this.attempts.add(attempt);
			if (!attempt.isRetryable() || System.nanoTime() > giveUpAt) {
				return new Outcome(student, key, attempt);
			}
			long pause = (attempt.retryAfter() != null) ? Math.min(2000, 1000L * parseSeconds(attempt.retryAfter())) : 500;
			// Jitter, as well-behaved clients add, so that the retries do not arrive as one wave.
			Thread.sleep(pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1));
		}
	}

	private static long parseSeconds(String retryAfter) {
		try {
			return Math.max(0, Long.parseLong(retryAfter.strip()));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	List<Attempt> attempts() {
		return List.copyOf(this.attempts);
	}

	/** A signed-in student. */
	record Student(String userId, String email, String accessToken) {
	}

	/** One HTTP exchange (or failed attempt at one); times from {@link System#nanoTime()}. */
	record Attempt(Student student, long sentAt, long answeredAt, int status, String retryAfter, String body) {

		/** What a client retries: the platform or a part of it is down, not an answer about the enrollment. */
		boolean isOutage() {
			return this.status == CONNECTION_ERROR || this.status == 502 || this.status == 503 || this.status == 504;
		}

		/** An outage, or the same request still being processed (its first attempt's answer was lost). */
		boolean isRetryable() {
			return isOutage() || (this.status == 409 && this.body != null && this.body.contains("IDEMPOTENCY_KEY_IN_USE"));
		}

	}

	/** A student's last answer. */
	record Outcome(Student student, String idempotencyKey, Attempt last) {

		int status() {
			return this.last.status();
		}

		String body() {
			return this.last.body();
		}

	}

	/** A rush in progress. */
	static final class Running {

		private final ExecutorService threads;

		private final List<Future<Outcome>> outcomes;

		private final long startedAt;

		Running(ExecutorService threads, List<Future<Outcome>> outcomes, long startedAt) {
			this.threads = threads;
			this.outcomes = outcomes;
			this.startedAt = startedAt;
		}

		long startedAt() {
			return this.startedAt;
		}

		List<Outcome> await(Duration timeout) throws Exception {
			if (!this.threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.threads.shutdownNow();
				throw new IllegalStateException("The rush did not finish within " + timeout);
			}
			List<Outcome> all = new ArrayList<>();
			for (Future<Outcome> outcome : this.outcomes) {
				all.add(outcome.get());
			}
			return all;
		}

	}

	/** Headers of a request, for the rare call a test makes beside the rush. */
	static Map<String, String> bearer(Student student) {
		return Gateway.bearer(student.accessToken());
	}

}
