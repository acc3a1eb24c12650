package com.mclass.notification.outbox;

import java.util.UUID;

import com.mclass.notification.mail.EmailType;

/** An email a sender has leased and is about to deliver. */
record ClaimedEmail(UUID id, UUID eventId, EmailType type, String recipient, String subject, String html, String text,
		int attempts, String traceparent) {
}
