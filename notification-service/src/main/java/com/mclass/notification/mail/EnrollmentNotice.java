package com.mclass.notification.mail;

import java.util.UUID;

/**
 * An enrollment changed status.
 *
 * @param reason the admin's reason for a rejection or cancellation; {@code null} when none was given
 */
public record EnrollmentNotice(EmailType type, Recipient recipient, UUID enrollmentId, UUID mclassId,
		EnrollmentStatus status, String reason, ClassDetails mclass) implements Notice {
}
