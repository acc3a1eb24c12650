package com.mclass.enrollment.queue;

import com.mclass.platform.web.ErrorCode;

/** The waiting room's codes; texts are {@code error.<CODE>} in the message bundles. */
public final class QueueErrorCode {

	public static final ErrorCode QUEUE_REQUIRED = new ErrorCode("QUEUE_REQUIRED", 409,
			"The waiting room of this class is active: join the queue and wait for your turn.");

	public static final ErrorCode QUEUE_TICKET_INVALID = new ErrorCode("QUEUE_TICKET_INVALID", 409, "This queue ticket is not valid.");

	public static final ErrorCode QUEUE_TICKET_OTHER_CLASS = new ErrorCode("QUEUE_TICKET_OTHER_CLASS", 409,
			"This queue ticket belongs to another class.");

	public static final ErrorCode QUEUE_TICKET_EXPIRED = new ErrorCode("QUEUE_TICKET_EXPIRED", 409,
			"Your admission has expired; join the queue again.");

	public static final ErrorCode QUEUE_NOT_ADMITTED = new ErrorCode("QUEUE_NOT_ADMITTED", 409, "It is not your turn yet.");

	public static final ErrorCode QUEUE_CLOSED = new ErrorCode("QUEUE_CLOSED", 409,
			"The waiting room of this class is closed; enroll directly.");

	private QueueErrorCode() {
	}

}
