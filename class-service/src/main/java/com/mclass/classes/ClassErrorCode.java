package com.mclass.classes;

import com.mclass.platform.web.ErrorCode;

/**
 * class-service's own error codes; the shared ones (NOT_FOUND for an unknown or deleted class, VALIDATION_FAILED, ...)
 * come from {@link com.mclass.platform.web.CommonErrorCode}. Texts: {@code error.<CODE>} in messages*.properties.
 */
public final class ClassErrorCode {

	/** The edit was based on an older version of the class than the one stored: reload and edit again. */
	public static final ErrorCode VERSION_CONFLICT = new ErrorCode("VERSION_CONFLICT", 409, "The class was changed by someone else. Reload it and try again.");

	/** The class exists but has no enrollment form (it takes enrollments with empty answers). */
	public static final ErrorCode ENROLLMENT_FORM_NOT_FOUND = new ErrorCode("ENROLLMENT_FORM_NOT_FOUND", 404, "This class has no enrollment form.");

	private ClassErrorCode() {
	}

}
