package com.mclass.notification.outbox;

import java.time.Instant;
import java.util.UUID;

import com.mclass.notification.mail.EmailType;

/**
 * An outbox row as admins see it (the bodies are left out of lists).
 *
 * @param error the last delivery failure, kept after a later success for the record
 * @param processedAt when the SMTP server accepted it
 */
public record EmailView(UUID id, UUID eventId, EmailType type, String recipient, String locale, String subject,
		String template, EmailStatus status, int attempts, String error, Instant nextTryAt, Instant processedAt,
		Instant createdAt, Instant updatedAt) {
}
