package com.mclass.auth;

import com.mclass.platform.web.ErrorCode;

/** The codes only auth-service answers with; texts live in messages*.properties under {@code error.<CODE>}. */
public enum AuthErrorCode implements ErrorCode {

	EMAIL_TAKEN(409, "This e-mail is already registered."),
	INVALID_CREDENTIALS(401, "The e-mail or password is incorrect."),
	INVALID_REFRESH_TOKEN(401, "The refresh token is invalid, expired or already used. Log in again."),
	INVALID_EXCHANGE_CODE(401, "The sign-in code is invalid or has expired. Sign in again."),
	CANNOT_CHANGE_OWN_ROLE(409, "Administrators cannot change their own role."),
	TERM_VERSION_CONFLICT(409, "Another version of this term was published at the same time. Try again.");

	private final int httpStatus;

	private final String defaultMessage;

	AuthErrorCode(int httpStatus, String defaultMessage) {
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
