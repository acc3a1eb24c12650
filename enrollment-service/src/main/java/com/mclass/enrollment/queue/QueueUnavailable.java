package com.mclass.enrollment.queue;

/** Redis, where every line lives, did not answer: the room fails closed (503 with Retry-After). */
public class QueueUnavailable extends RuntimeException {

	QueueUnavailable(Throwable cause) {
		super("The waiting room's Redis did not answer", cause);
	}

}
