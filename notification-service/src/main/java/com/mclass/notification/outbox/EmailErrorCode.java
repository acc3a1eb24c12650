package com.mclass.notification.outbox;

import com.mclass.platform.web.ErrorCode;

/** The outbox's own error codes; texts in {@code messages*.properties} under {@code error.<code>}. */
enum EmailErrorCode implements ErrorCode {

	/** A retry was asked for an email the SMTP server already accepted: sending it again would duplicate it. */
	EMAIL_ALREADY_SENT(409, "This email was already sent and cannot be retried.");

	private final int httpStatus;

	private final String defaultMessage;

	EmailErrorCode(int httpStatus, String defaultMessage) {
		this.httpStatus = httpStatus;
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String code() {
		return name();
	}

	@Override
	public int httpStatus() {
		return this.httpStatus;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
