package com.mclass.notification.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * An enrollment changed status.
 *
 * @param reason the admin's reason for a rejection or cancellation; {@code null} when none was given
 * @param offerExpiresAt for a seat offered from the waitlist, until when the student can accept it; else {@code null}
 */
public record EnrollmentNotice(EmailType type, Recipient recipient, UUID enrollmentId, UUID mclassId,
		EnrollmentStatus status, String reason, ClassDetails mclass, Instant offerExpiresAt) implements Notice {

	/** A notice of any change but a seat offer (no deadline to state). */
	public EnrollmentNotice(EmailType type, Recipient recipient, UUID enrollmentId, UUID mclassId, EnrollmentStatus status,
			String reason, ClassDetails mclass) {
		this(type, recipient, enrollmentId, mclassId, status, reason, mclass, null);
	}

}
