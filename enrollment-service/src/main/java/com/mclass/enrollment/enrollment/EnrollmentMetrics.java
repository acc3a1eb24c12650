package com.mclass.enrollment.enrollment;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code mclass.enrollment.attempts{outcome}}: every enrollment request by how it ended (approved, waitlisted,
 * applied, class_full, already_enrolled, replayed, invalid, …); {@code mclass.enrollment.enrolling}: how long the
 * use case took, with p50/p95/p99; {@code mclass.enrollment.place.redecided}: transactions rolled back and decided
 * again because the place the class's snapshot promised was gone at the ledger row (around a class filling up).
 */
@Component
class EnrollmentMetrics {

	private final MeterRegistry meters;

	private final Timer enrolling;

	private final Map<String, Counter> attempts = new ConcurrentHashMap<>();

	private final Counter redecided;

	EnrollmentMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.enrolling = Timer.builder("mclass.enrollment.enrolling")
			.description("Time to decide an enrollment request, from class lookup to commit")
			.publishPercentiles(0.5, 0.95, 0.99)
			.register(meters);
		this.redecided = Counter.builder("mclass.enrollment.place.redecided")
			.description("Enrollments decided a second time: the place their class's snapshot promised was gone at the ledger row")
			.register(meters);
	}

	void redecided() {
		this.redecided.increment();
	}

	Timer.Sample start() {
		return Timer.start(this.meters);
	}

	void finished(Timer.Sample sample, String outcome) {
		sample.stop(this.enrolling);
		this.attempts.computeIfAbsent(outcome, (tag) -> Counter.builder("mclass.enrollment.attempts")
			.description("Enrollment requests by outcome")
			.tag("outcome", tag)
			.register(this.meters)).increment();
	}

	static String outcomeOf(String code) {
		return code.toLowerCase(Locale.ROOT);
	}

}
