package com.mclass.notification.outbox;

import java.util.UUID;

import com.mclass.notification.mail.ComposedMail;
import com.mclass.notification.mail.EmailType;

/**
 * An email to put in the outbox.
 *
 * @param eventId the event it answers; the outbox holds at most one email per event
 * @param locale the language it was written in ({@code ko} or {@code en})
 * @param payload the event's data as received (JSON), kept for support and re-rendering
 * @param traceparent the W3C trace context the event was handled in, so the send joins the same trace
 */
public record QueuedEmail(UUID eventId, EmailType type, String recipient, String locale, ComposedMail mail,
		String payload, String traceparent) {
}
