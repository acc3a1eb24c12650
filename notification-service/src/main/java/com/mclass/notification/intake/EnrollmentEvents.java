package com.mclass.notification.intake;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.mclass.notification.mail.ClassDetails;
import com.mclass.notification.mail.EmailType;
import com.mclass.notification.mail.EnrollmentNotice;
import com.mclass.notification.mail.EnrollmentStatus;

/**
 * enrollment-service's events ({@code mclass.enrollment.events}, data version 1) and the email each one asks for.
 * {@code data} is {@code {enrollmentId, mclassId, userId, status, previousStatus, reason, recipient:{email, name,
 * locale}, mclass:{title, startAt, endAt, location, isOnline}, occurredAt}}; an email needs the ids, a known status, a
 * recipient address and the class title, the rest is shown when present.
 */
final class EnrollmentEvents {

	private static final Map<String, EmailType> EMAIL_FOR_TYPE = Map.of("ENROLLMENT_APPLIED", EmailType.ENROLLMENT_APPLIED,
			"ENROLLMENT_APPROVED", EmailType.ENROLLMENT_APPROVED, "ENROLLMENT_REJECTED", EmailType.ENROLLMENT_REJECTED,
			"ENROLLMENT_WAITLISTED", EmailType.ENROLLMENT_WAITLISTED, "ENROLLMENT_CANCELED", EmailType.ENROLLMENT_CANCELED,
			"WAITLIST_PROMOTED", EmailType.WAITLIST_PROMOTED);

	private EnrollmentEvents() {
	}

	static boolean isEnrollmentEvent(String type) {
		return EMAIL_FOR_TYPE.containsKey(type);
	}

	static EnrollmentNotice notice(IncomingEvent event) {
		JsonNode envelope = event.envelopeWithData();
		EnrollmentStatus status = EventFields.requiredEnum(envelope, "data.status", EnrollmentStatus.class);
		// Not shown, but a value outside the contract means the producer and this reader disagree: stop, do not guess.
		EventFields.optionalEnum(envelope, "data.previousStatus", EnrollmentStatus.class);
		ClassDetails mclass = new ClassDetails(EventFields.requiredText(envelope, "data.mclass.title"),
				EventFields.instant(envelope, "data.mclass.startAt").orElse(null),
				EventFields.instant(envelope, "data.mclass.endAt").orElse(null),
				EventFields.text(envelope, "data.mclass.location").orElse(null),
				EventFields.flag(envelope, "data.mclass.isOnline"));
		return new EnrollmentNotice(EMAIL_FOR_TYPE.get(event.type()), EventFields.recipient(envelope, "data.recipient."),
				EventFields.requiredUuid(envelope, "data.enrollmentId"), EventFields.requiredUuid(envelope, "data.mclassId"),
				status, EventFields.text(envelope, "data.reason").orElse(null), mclass);
	}

}
