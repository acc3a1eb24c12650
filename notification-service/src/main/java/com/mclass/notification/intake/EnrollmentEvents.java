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
 * locale}, mclass:{title, startAt, endAt, location, isOnline}, occurredAt, offerExpiresAt}}; an email needs the ids, a
 * known status, a recipient address and the class title, the rest is shown when present (a seat offer's deadline,
 * {@code offerExpiresAt}, included). Types not listed here are recorded and ignored.
 */
final class EnrollmentEvents {

	private static final Map<String, EmailType> EMAIL_FOR_TYPE = Map.of("ENROLLMENT_APPLIED", EmailType.ENROLLMENT_APPLIED,
			"ENROLLMENT_APPROVED", EmailType.ENROLLMENT_APPROVED, "ENROLLMENT_REJECTED", EmailType.ENROLLMENT_REJECTED,
			"ENROLLMENT_WAITLISTED", EmailType.ENROLLMENT_WAITLISTED, "ENROLLMENT_CANCELED", EmailType.ENROLLMENT_CANCELED,
			"WAITLIST_PROMOTED", EmailType.WAITLIST_PROMOTED, "ENROLLMENT_OFFERED", EmailType.ENROLLMENT_OFFERED,
			"ENROLLMENT_OFFER_DECLINED", EmailType.ENROLLMENT_OFFER_DECLINED, "ENROLLMENT_OFFER_EXPIRED",
			EmailType.ENROLLMENT_OFFER_EXPIRED);

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
		EmailType type = EMAIL_FOR_TYPE.get(event.type());
		// An expiry's reason is enrollment-service's token (OFFER_EXPIRED): the mail's own text says what happened.
		String reason = (type == EmailType.ENROLLMENT_OFFER_EXPIRED) ? null : EventFields.text(envelope, "data.reason").orElse(null);
		return new EnrollmentNotice(type, EventFields.recipient(envelope, "data.recipient."),
				EventFields.requiredUuid(envelope, "data.enrollmentId"), EventFields.requiredUuid(envelope, "data.mclassId"),
				status, reason, mclass, EventFields.instant(envelope, "data.offerExpiresAt").orElse(null));
	}

}
