package com.mclass.enrollment.queue;

/** Redis, where every line lives, did not answer: the room fails closed (503 with Retry-After). */
public class QueueUnavailable extends RuntimeException {

	/**
	 * The cause is named in the message, not chained: the service's handler for database overload would otherwise
	 * claim this by its cause (a Redis connection failure is a DataAccessResourceFailureException) and answer without
	 * Retry-After.
	 */
	QueueUnavailable(Throwable cause) {
		super("The waiting room's Redis did not answer: " + cause, null, false, false);
	}

}
