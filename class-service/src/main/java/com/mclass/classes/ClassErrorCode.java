package com.mclass.classes;

import com.mclass.platform.web.ErrorCode;

/**
 * class-service's own error codes; the shared ones (NOT_FOUND for an unknown or deleted class, VALIDATION_FAILED, ...)
 * come from {@link com.mclass.platform.web.CommonErrorCode}. Texts: {@code error.<CODE>} in messages*.properties.
 */
public enum ClassErrorCode implements ErrorCode {

	/** The edit was based on an older version of the class than the one stored: reload and edit again. */
	VERSION_CONFLICT(409, "The class was changed by someone else. Reload it and try again."),

	/** The class exists but has no enrollment form (it takes enrollments with empty answers). */
	ENROLLMENT_FORM_NOT_FOUND(404, "This class has no enrollment form.");

	private final int httpStatus;

	private final String defaultMessage;

	ClassErrorCode(int httpStatus, String defaultMessage) {
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
