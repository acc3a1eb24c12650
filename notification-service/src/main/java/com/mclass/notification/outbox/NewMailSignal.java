package com.mclass.notification.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Rung after a transaction that queued an email commits, so the sender looks at the outbox at once instead of at its
 * next poll: that keeps event-to-mailbox latency near the SMTP round trip. Signals coalesce; one look finds them all.
 */
@Component
class NewMailSignal {

	private final Semaphore rings = new Semaphore(0);

	void ring() {
		if (this.rings.availablePermits() == 0) {
			this.rings.release();
		}
	}

	/** Waits for a ring or the timeout, whichever comes first. */
	void await(Duration timeout) throws InterruptedException {
		this.rings.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
		this.rings.drainPermits();
	}

}
