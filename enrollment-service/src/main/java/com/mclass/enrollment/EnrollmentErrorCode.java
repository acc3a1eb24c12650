package com.mclass.enrollment;

import com.mclass.platform.web.ErrorCode;

/**
 * enrollment-service's domain codes (ARCHITECTURE.md §4). Their client-facing texts are {@code error.<CODE>} in the
 * message bundles; the default messages here are the English fallback.
 */
public enum EnrollmentErrorCode implements ErrorCode {

	ALREADY_ENROLLED(409, "You already have an active enrollment for this class."),
	CLASS_FULL(409, "The class is full: no seat and no waitlist place is left."),
	WAITLIST_FULL(409, "The waitlist of this class is full."),
	RECRUITMENT_NOT_OPEN(409, "Recruitment for this class has not started yet."),
	RECRUITMENT_CLOSED(409, "Recruitment for this class has ended."),
	SIGNUP_INCOMPLETE(403, "Complete your sign-up before enrolling."),
	IDEMPOTENCY_KEY_IN_USE(409, "A request with this Idempotency-Key is still being processed."),
	IDEMPOTENCY_KEY_REUSED(422, "This Idempotency-Key was already used for a different request."),
	ENROLLMENT_NOT_EDITABLE(409, "This enrollment can no longer be edited."),
	CANCEL_AFTER_START(409, "An enrollment cannot be canceled once the class has started."),
	REAPPLY_AFTER_REJECTION(409, "An application to this class was rejected; applying again is not possible."),
	CAPACITY_BELOW_APPROVED(409, "Capacity cannot be lowered below the number of approved students."),
	TRANSITION_NOT_ALLOWED(409, "This change is not possible in the enrollment's current status.");

	private final int httpStatus;

	private final String defaultMessage;

	EnrollmentErrorCode(int httpStatus, String defaultMessage) {
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
