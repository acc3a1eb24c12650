package com.mclass.notification.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after the first failure the first delay, after the second the second, and
 * so on (the plan's 5 min, 15 min, 1 h). The attempt after the last delay is the last one.
 */
record RetrySchedule(List<Duration> delays) {

	RetrySchedule {
		delays = List.copyOf(delays);
	}

	/**
	 * @param failedAttempts how many attempts have failed so far, the one that just did included
	 * @return the wait before the next attempt, or empty when the email is to be given up
	 */
	Optional<Duration> delayAfter(int failedAttempts) {
		return (failedAttempts >= 1 && failedAttempts <= this.delays.size()) ? Optional.of(this.delays.get(failedAttempts - 1))
				: Optional.empty();
	}

	int maxAttempts() {
		return this.delays.size() + 1;
	}

}
