package com.mclass.notification.outbox;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

	private final RetrySchedule plan = new RetrySchedule(
			List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1)));

	@Test
	void waitsFiveMinutesThenFifteenThenAnHour() {
		assertThat(this.plan.delayAfter(1)).contains(Duration.ofMinutes(5));
		assertThat(this.plan.delayAfter(2)).contains(Duration.ofMinutes(15));
		assertThat(this.plan.delayAfter(3)).contains(Duration.ofHours(1));
	}

	@Test
	void givesUpWhenTheAttemptAfterTheLastDelayFails() {
		assertThat(this.plan.maxAttempts()).isEqualTo(4);
		assertThat(this.plan.delayAfter(4)).isEmpty();
		assertThat(this.plan.delayAfter(5)).as("an admin retry of a given-up email gets one attempt").isEmpty();
	}

	@Test
	void withoutDelaysTheFirstFailureIsFinal() {
		assertThat(new RetrySchedule(List.of()).delayAfter(1)).isEmpty();
	}

}
