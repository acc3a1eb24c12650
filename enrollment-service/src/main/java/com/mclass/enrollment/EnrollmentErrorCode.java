package com.mclass.enrollment;

import com.mclass.platform.web.ErrorCode;

/**
 * enrollment-service's domain codes (docs/architecture.md, "HTTP contract"). Their client-facing texts are {@code error.<CODE>} in the
 * message bundles; the default messages here are the English fallback.
 */
public final class EnrollmentErrorCode {

	public static final ErrorCode ALREADY_ENROLLED = new ErrorCode("ALREADY_ENROLLED", 409, "You already have an active enrollment for this class.");

	public static final ErrorCode CLASS_FULL = new ErrorCode("CLASS_FULL", 409, "The class is full: no seat and no waitlist place is left.");

	public static final ErrorCode WAITLIST_FULL = new ErrorCode("WAITLIST_FULL", 409, "The waitlist of this class is full.");

	public static final ErrorCode RECRUITMENT_NOT_OPEN = new ErrorCode("RECRUITMENT_NOT_OPEN", 409, "Recruitment for this class has not started yet.");

	public static final ErrorCode RECRUITMENT_CLOSED = new ErrorCode("RECRUITMENT_CLOSED", 409, "Recruitment for this class has ended.");

	public static final ErrorCode SIGNUP_INCOMPLETE = new ErrorCode("SIGNUP_INCOMPLETE", 403, "Complete your sign-up before enrolling.");

	public static final ErrorCode EMAIL_NOT_VERIFIED = new ErrorCode("EMAIL_NOT_VERIFIED", 403, "Verify your e-mail address before enrolling.");

	public static final ErrorCode IDEMPOTENCY_KEY_IN_USE = new ErrorCode("IDEMPOTENCY_KEY_IN_USE", 409, "A request with this Idempotency-Key is still being processed.");

	public static final ErrorCode IDEMPOTENCY_KEY_REUSED = new ErrorCode("IDEMPOTENCY_KEY_REUSED", 422, "This Idempotency-Key was already used for a different request.");

	public static final ErrorCode ENROLLMENT_NOT_EDITABLE = new ErrorCode("ENROLLMENT_NOT_EDITABLE", 409, "This enrollment can no longer be edited.");

	public static final ErrorCode CANCEL_AFTER_START = new ErrorCode("CANCEL_AFTER_START", 409, "An enrollment cannot be canceled once the class has started.");

	public static final ErrorCode REAPPLY_AFTER_REJECTION = new ErrorCode("REAPPLY_AFTER_REJECTION", 409, "An application to this class was rejected; applying again is not possible.");

	public static final ErrorCode CAPACITY_BELOW_APPROVED = new ErrorCode("CAPACITY_BELOW_APPROVED", 409, "Capacity cannot be lowered below the number of approved students.");

	public static final ErrorCode TRANSITION_NOT_ALLOWED = new ErrorCode("TRANSITION_NOT_ALLOWED", 409, "This change is not possible in the enrollment's current status.");

	public static final ErrorCode NOT_OFFERED = new ErrorCode("NOT_OFFERED", 409, "This enrollment has no seat offer to answer.");

	public static final ErrorCode OFFER_EXPIRED = new ErrorCode("OFFER_EXPIRED", 409, "The deadline to accept this seat offer has passed.");
	/** A bulk-enrollment file that is not CSV as expected (unbalanced quotes, no {@code email} column, …); the details name the line or column. */
	public static final ErrorCode CSV_MALFORMED = new ErrorCode("CSV_MALFORMED", 400, "The CSV file could not be read.");

	/** A bulk-enrollment file over the limits (lines or bytes); the details say which. */
	public static final ErrorCode IMPORT_TOO_LARGE = new ErrorCode("IMPORT_TOO_LARGE", 413, "The file to import is too large.");

	private EnrollmentErrorCode() {
	}

}
