package com.mclass.notification.mail;

/**
 * The kinds of email MClass sends: one per enrollment event type (the plan's EmailOutbox types) and the welcome mail
 * for a new social account; a new local account gets the verification mail instead (welcome text plus the link
 * that verifies the address), and a password reset its link.
 */
public enum EmailType {

	ENROLLMENT_APPLIED, ENROLLMENT_APPROVED, ENROLLMENT_REJECTED, ENROLLMENT_WAITLISTED, ENROLLMENT_CANCELED,
	WAITLIST_PROMOTED, ENROLLMENT_OFFERED, ENROLLMENT_OFFER_DECLINED, ENROLLMENT_OFFER_EXPIRED, WELCOME, EMAIL_VERIFICATION,
	PASSWORD_RESET

}
