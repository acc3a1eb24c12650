package com.mclass.notification.mail;

/** An enrollment's status as enrollment-service publishes it; an email states the one the event left behind. */
public enum EnrollmentStatus {

	APPLIED, APPROVED, REJECTED, WAITLISTED, OFFERED, CANCELED

}
