package com.mclass.notification.outbox;

import com.mclass.platform.web.ErrorCode;

/** The outbox's own error codes; texts in {@code messages*.properties} under {@code error.<code>}. */
final class EmailErrorCode {

	/** A retry was asked for an email the SMTP server already accepted: sending it again would duplicate it. */
	public static final ErrorCode EMAIL_ALREADY_SENT = new ErrorCode("EMAIL_ALREADY_SENT", 409, "This email was already sent and cannot be retried.");

	private EmailErrorCode() {
	}

}
