package com.mclass.enrollment.seat;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A class as class-service writes it, in its events' {@code data} ({@code ClassCreated}, {@code ClassUpdated}) and in
 * its internal seat-config answer. Read tolerantly: unknown fields are ignored, a few spellings are accepted, and
 * missing optional values take the defaults {@link #toSnapshot(UUID)} states (a missing {@code waitlistMode} is AUTO
 * with a 24-hour offer window, as before the setting existed).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClassData(@JsonAlias("id") UUID classId, String title, String location,
		@JsonProperty("isOnline") @JsonAlias("online") Boolean isOnline, SelectionType selectionType, Integer capacity,
		Integer waitlistCapacity, Boolean allowWaitlist, Instant recruitStartAt, Instant recruitEndAt, Instant startAt,
		Instant endAt, Long version, Boolean deleted, PublishedForm form, String waitlistMode, Integer offerWindowMinutes) {

	/** class-service's default offer window (24 h), for data written before the setting existed. */
	static final int DEFAULT_OFFER_WINDOW_MINUTES = 24 * 60;

	/**
	 * @param fallbackId the id to use when the data does not name the class (the event's subject)
	 * @throws IllegalArgumentException when a value a seat decision depends on is missing or out of range
	 */
	public ClassSnapshot toSnapshot(UUID fallbackId) {
		UUID id = (this.classId != null) ? this.classId : fallbackId;
		if (id == null) {
			throw new IllegalArgumentException("The class has no id");
		}
		if (this.capacity == null || this.capacity < 0) {
			throw new IllegalArgumentException("Class " + id + " has no valid capacity: " + this.capacity);
		}
		int waitlist = (this.waitlistCapacity != null) ? this.waitlistCapacity : 0;
		if (waitlist < 0) {
			throw new IllegalArgumentException("Class " + id + " has a negative waitlist capacity");
		}
		if (this.offerWindowMinutes != null && this.offerWindowMinutes < 1) {
			throw new IllegalArgumentException("Class " + id + " has no valid offer window: " + this.offerWindowMinutes);
		}
		boolean waitlistAllowed = (this.allowWaitlist != null) ? this.allowWaitlist : waitlist > 0;
		return new ClassSnapshot(id, (this.title != null) ? this.title : "", this.location, Boolean.TRUE.equals(this.isOnline),
				(this.selectionType != null) ? this.selectionType : SelectionType.FIRST_COME, this.capacity, waitlist,
				waitlistAllowed, this.recruitStartAt, this.recruitEndAt, this.startAt, this.endAt,
				(this.version != null) ? this.version : 0L, Boolean.TRUE.equals(this.deleted),
				knownWaitlistMode(),
				(this.offerWindowMinutes != null) ? this.offerWindowMinutes : DEFAULT_OFFER_WINDOW_MINUTES);
	}

	/**
	 * A mode this service does not know (a newer class-service) is read as AUTO, the behaviour every class had before
	 * modes existed, rather than refusing the whole class update (capacity and schedule included).
	 */
	private WaitlistMode knownWaitlistMode() {
		if (this.waitlistMode == null) {
			return WaitlistMode.AUTO;
		}
		try {
			return WaitlistMode.valueOf(this.waitlistMode);
		}
		catch (IllegalArgumentException ex) {
			return WaitlistMode.AUTO;
		}
	}

}
