package com.mclass.enrollment.queue;

import java.time.Instant;

/**
 * A ticket's place as the contract shows it.
 *
 * @param ticket the ticket; null when the room is not active (nothing to wait for)
 * @param position 1 for the next to be admitted; 0 once admitted
 * @param aheadOfYou tickets admitted before this one, not counting it
 * @param estimatedWaitSeconds position ÷ admission rate, rounded up
 * @param admitted whether enrolling with this ticket is allowed now
 * @param admissionExpiresAt until when (null while waiting, or when no ticket is needed)
 */
public record QueuePlace(String ticket, long position, long aheadOfYou, long estimatedWaitSeconds, boolean admitted,
		Instant admissionExpiresAt) {

	static QueuePlace notNeeded() {
		return new QueuePlace(null, 0, 0, 0, true, null);
	}

	static QueuePlace of(String ticket, long seq, long head, boolean admitted, long expiresAtMillis, int rate) {
		if (admitted) {
			return new QueuePlace(ticket, 0, 0, 0, true, Instant.ofEpochMilli(expiresAtMillis));
		}
		long position = Math.max(1, seq - head);
		return new QueuePlace(ticket, position, position - 1, (position + rate - 1) / rate, false, null);
	}

}
