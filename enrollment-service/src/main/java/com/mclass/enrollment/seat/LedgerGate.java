package com.mclass.enrollment.seat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * Admission to a class's ledger row, per replica. Only one transaction at a time can hold the row, and every
 * transaction queued behind it holds a pooled database connection while it waits; in a rush on one class that
 * would take the whole pool and stall everything else this replica does (other classes, cheap refusals, reads).
 * So at most {@code mclass.enrollment.ledger-concurrency} requests per class (and replica) queue on the row; the rest
 * wait here, in arrival order, holding nothing. Classes share a fixed set of gates by hash, so memory stays flat.
 */
@Component
public class LedgerGate {

	private static final int STRIPES = 256;

	private final Semaphore[] gates = new Semaphore[STRIPES];

	private final Duration maxWait;

	LedgerGate(@Value("${mclass.enrollment.ledger-concurrency:3}") int concurrency,
			@Value("${mclass.enrollment.ledger-max-wait:10s}") Duration maxWait) {
		for (int i = 0; i < STRIPES; i++) {
			this.gates[i] = new Semaphore(concurrency, true);
		}
		this.maxWait = maxWait;
	}

	/**
	 * Runs {@code work} once admitted to the class's row.
	 * @throws ApiException {@code SERVICE_UNAVAILABLE} when not admitted within {@code mclass.enrollment.ledger-max-wait}
	 */
	public <T> T through(UUID classId, Supplier<T> work) {
		Semaphore gate = this.gates[Math.floorMod(classId.hashCode(), STRIPES)];
		try {
			if (!gate.tryAcquire(this.maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new ApiException(CommonErrorCode.SERVICE_UNAVAILABLE);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ApiException(CommonErrorCode.SERVICE_UNAVAILABLE);
		}
		try {
			return work.get();
		}
		finally {
			gate.release();
		}
	}

}
