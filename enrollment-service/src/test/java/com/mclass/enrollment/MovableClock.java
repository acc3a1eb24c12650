package com.mclass.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in integration tests: the system clock, until a test moves it ahead or stops it at an instant
 * (offer deadlines). Unlike platform-test's MutableClock it keeps running by default, so the suite's other tests (FIFO
 * by application time, idempotency expiry) see time pass as in production. A test that moves it puts it back.
 */
public final class MovableClock extends Clock {

	private volatile Duration ahead = Duration.ZERO;

	private volatile Instant stoppedAt;

	/** Runs {@code duration} ahead of the system clock from now on. */
	public void moveAhead(Duration duration) {
		this.ahead = this.ahead.plus(duration);
	}

	/** Stands still at {@code instant} until moved again or {@link #reset}. */
	public void stopAt(Instant instant) {
		this.stoppedAt = instant;
	}

	/** The system clock again. */
	public void reset() {
		this.stoppedAt = null;
		this.ahead = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		Instant stopped = this.stoppedAt;
		return (stopped != null) ? stopped : Instant.now().plus(this.ahead);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	/** Puts the movable clock in place of the service's own (ClockConfiguration) for every integration test. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class InPlaceOfTheServiceClock {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
