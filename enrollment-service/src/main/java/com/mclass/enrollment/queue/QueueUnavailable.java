package com.mclass.enrollment.queue;

import java.time.Duration;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * Redis, where every line lives, did not answer: the room fails closed, 503 {@code SERVICE_UNAVAILABLE} with
 * {@code Retry-After}. Where it reaches a client it is logged at warn; callers that go on without the room log it at
 * debug.
 */
public class QueueUnavailable extends ApiException {

	/** A Redis restart or failover is mostly over within seconds. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(2);

	private final String failure;

	/**
	 * The cause is kept as text, neither chained nor the message: chained, the service's handler for database overload
	 * would claim this by its cause (a Redis connection failure is a DataAccessResourceFailureException) and answer
	 * without this Retry-After; as the message, it would reach the client instead of the code's text.
	 */
	QueueUnavailable(Throwable cause) {
		super(CommonErrorCode.SERVICE_UNAVAILABLE, RETRY_AFTER);
		this.failure = "The waiting room's Redis did not answer: " + cause;
	}

	/** What Redis failed with, for the log. */
	public String failure() {
		return this.failure;
	}

	/** Every log of it names the failure, not the client's text. */
	@Override
	public String toString() {
		return getClass().getName() + ": " + this.failure;
	}

	/** Thrown on every call while Redis is down, and never a bug: a stack trace would only cost. */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
