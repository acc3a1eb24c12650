package com.mclass.enrollment.admin;

/**
 * Why a line of a bulk-enrollment file was not enrolled, besides the enrollment codes a student's request can get
 * ({@code CLASS_FULL}, {@code ALREADY_ENROLLED}, {@code REAPPLY_AFTER_REJECTION}, {@code TRANSITION_NOT_ALLOWED},
 * {@code WAITLIST_FULL}, {@code SIGNUP_INCOMPLETE}). Stable names: clients switch on them.
 */
enum ImportLineError {

	INVALID_EMAIL("The email cell is empty or not an e-mail address."),

	DUPLICATE_LINE("The same student is on an earlier line of the file."),

	INVALID_STATUS("The status must be APPROVED, WAITLISTED or APPLIED, or empty."),

	INVALID_ANSWERS("The answers do not fit the enrollment form of the class."),

	USER_NOT_FOUND("No account has this e-mail address."),

	AMBIGUOUS_EMAIL("More than one account has this e-mail address."),

	USER_DISABLED("The account is disabled.");

	private final String defaultMessage;

	ImportLineError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	String defaultMessage() {
		return this.defaultMessage;
	}

}
