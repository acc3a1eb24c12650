package com.mclass.notification.mail;

/**
 * The kinds of email MClass sends: one per enrollment event type (the plan's EmailOutbox types) and the welcome mail
 * for a new account.
 */
public enum EmailType {

	ENROLLMENT_APPLIED, ENROLLMENT_APPROVED, ENROLLMENT_REJECTED, ENROLLMENT_WAITLISTED, ENROLLMENT_CANCELED,
	WAITLIST_PROMOTED, WELCOME

}
