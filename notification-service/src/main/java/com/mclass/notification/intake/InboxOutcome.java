package com.mclass.notification.intake;

/** What became of an event the inbox accepted. */
enum InboxOutcome {

	/** Its email is in the outbox, committed with this record. */
	EMAIL_QUEUED,
	/** A known event that asks for no email ({@code SignupCompleted}). */
	NO_EMAIL,
	/** A type this service does not know; newer producers may publish types older consumers skip. */
	IGNORED

}
