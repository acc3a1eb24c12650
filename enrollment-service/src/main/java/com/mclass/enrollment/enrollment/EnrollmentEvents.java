package com.mclass.enrollment.enrollment;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.mclass.enrollment.seat.ClassSeats;
import com.mclass.platform.events.Outbox;

/**
 * The events of enrollment transitions on {@code mclass.enrollment.events} (keyed by enrollment id), appended to the
 * outbox in the transaction that makes the transition: one committed transition, one event id. EVENTS.md documents
 * the payload; notification-service turns each into one email.
 */
@Component
public class EnrollmentEvents {

	public static final int DATA_VERSION = 1;

	public static final String ENROLLMENT_APPLIED = "ENROLLMENT_APPLIED";

	public static final String ENROLLMENT_APPROVED = "ENROLLMENT_APPROVED";

	public static final String ENROLLMENT_REJECTED = "ENROLLMENT_REJECTED";

	public static final String ENROLLMENT_WAITLISTED = "ENROLLMENT_WAITLISTED";

	public static final String ENROLLMENT_CANCELED = "ENROLLMENT_CANCELED";

	public static final String WAITLIST_PROMOTED = "WAITLIST_PROMOTED";

	public static final String ENROLLMENT_OFFERED = "ENROLLMENT_OFFERED";

	public static final String ENROLLMENT_OFFER_DECLINED = "ENROLLMENT_OFFER_DECLINED";

	public static final String ENROLLMENT_OFFER_EXPIRED = "ENROLLMENT_OFFER_EXPIRED";

	private final Outbox outbox;

	private final String topic;

	EnrollmentEvents(Outbox outbox, @Value("${mclass.enrollment.events-topic:mclass.enrollment.events}") String topic) {
		this.outbox = outbox;
		this.topic = topic;
	}

	/** Records that {@code enrollment} reached its current status from {@code previous} (null for a new one). */
	public UUID record(Enrollment enrollment, EnrollmentStatus previous, ClassSeats mclass, Instant occurredAt) {
		return record(enrollment, previous, mclass, occurredAt, typeOf(enrollment.status()));
	}

	/** As {@link #record(Enrollment, EnrollmentStatus, ClassSeats, Instant)}, as an event of {@code type}. */
	UUID record(Enrollment enrollment, EnrollmentStatus previous, ClassSeats mclass, Instant occurredAt, String type) {
		EnrollmentEvent data = new EnrollmentEvent(enrollment.id(), enrollment.mclassId(), enrollment.userId(),
				enrollment.status().name(), (previous != null) ? previous.name() : null, enrollment.reason(), enrollment.recipient(),
				new MClassSummary(mclass.title(), mclass.startAt(), mclass.endAt(), mclass.location(), mclass.online()), occurredAt,
				enrollment.offerExpiresAt());
		return this.outbox.append(this.topic, type, enrollment.id().toString(), DATA_VERSION, data);
	}

	/**
	 * The event type of a transition made by {@code action}: an answer to an offer, or its expiry, is named as such
	 * (the student's mail says what happened to the offer); every other transition by the status it reaches.
	 */
	static String typeOf(EnrollmentPolicy.Action action, EnrollmentStatus to) {
		return switch (action) {
			case DECLINE -> ENROLLMENT_OFFER_DECLINED;
			case EXPIRE -> ENROLLMENT_OFFER_EXPIRED;
			default -> typeOf(to);
		};
	}

	/**
	 * The event type of a transition into {@code status}. The waitlist's own moves onto freed seats are
	 * {@link #recordPromotion promotions} instead.
	 */
	static String typeOf(EnrollmentStatus status) {
		return switch (status) {
			case APPLIED -> ENROLLMENT_APPLIED;
			case APPROVED -> ENROLLMENT_APPROVED;
			case WAITLISTED -> ENROLLMENT_WAITLISTED;
			case OFFERED -> ENROLLMENT_OFFERED;
			case REJECTED -> ENROLLMENT_REJECTED;
			case CANCELED -> ENROLLMENT_CANCELED;
		};
	}

	/** Records that the waitlist moved {@code enrollment} onto a freed seat. */
	public UUID recordPromotion(Enrollment enrollment, ClassSeats mclass, Instant occurredAt) {
		return record(enrollment, EnrollmentStatus.WAITLISTED, mclass, occurredAt, WAITLIST_PROMOTED);
	}

	/** Records that the waitlist offered {@code enrollment} a freed seat, until its {@code offerExpiresAt}. */
	public UUID recordOffer(Enrollment enrollment, ClassSeats mclass, Instant occurredAt) {
		return record(enrollment, EnrollmentStatus.WAITLISTED, mclass, occurredAt, ENROLLMENT_OFFERED);
	}

	/**
	 * The {@code data} of every enrollment event (dataversion 1). {@code offerExpiresAt} (added without a bump) is the
	 * deadline of an offer, set on {@code ENROLLMENT_OFFERED} only.
	 */
	record EnrollmentEvent(UUID enrollmentId, UUID mclassId, UUID userId, String status, String previousStatus, String reason,
			Recipient recipient, MClassSummary mclass, Instant occurredAt, Instant offerExpiresAt) {
	}

	/** What an email says about the class. */
	record MClassSummary(String title, Instant startAt, Instant endAt, String location,
			@JsonProperty("isOnline") boolean isOnline) {
	}

}
