package com.mclass.classes.mclass;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A class as an admin submits it, for creation ({@code POST}) and as a full replacement ({@code PUT}, which also sends
 * the {@code version} it was based on). Omitted optional fields take their defaults: empty description, no
 * location, fee 0, offline, no waitlist, PUBLIC, FIRST_COME. All rules are checked together so that one response
 * lists every field at fault, the cross-field ones included ({@link ConsistentClassTerms}).
 *
 * @param fee in won (KRW has no minor unit): a whole number
 * @param rushProtected whether enrolling goes through enrollment-service's waiting room (default false)
 * @param waitlistMode what a seat freed while students wait becomes (default AUTO: taken for the longest-waiting one)
 * @param offerWindowMinutes in OFFER mode, how long a student has to accept an offered seat (default 24 h)
 */
@ConsistentClassTerms
public record ClassDraft(@NotBlank @Size(max = 200) String title, @Size(max = 5_000) String description,
		@NotNull @Min(1) @Max(MAX_CAPACITY) Integer capacity, @Min(0) @Max(MAX_CAPACITY) Integer waitlistCapacity,
		Boolean allowWaitlist, Visibility visibility, @Size(max = 200) String location,
		@PositiveOrZero @Digits(integer = 10, fraction = 0) BigDecimal fee, @JsonProperty("isOnline") Boolean isOnline,
		SelectionType selectionType, @NotNull Instant recruitStartAt, @NotNull Instant recruitEndAt, @NotNull Instant startAt,
		@NotNull Instant endAt, @NotNull(groups = Revision.class) @PositiveOrZero Long version, Boolean rushProtected,
		WaitlistMode waitlistMode, @Min(MIN_OFFER_WINDOW_MINUTES) @Max(MAX_OFFER_WINDOW_MINUTES) Integer offerWindowMinutes) {

	/** Seats and waitlist places per class: far above any real class, low enough to keep counters and tests sane. */
	public static final int MAX_CAPACITY = 100_000;

	/** How long a student has to accept a seat offered from the waitlist, unless the admin says otherwise: 24 h. */
	public static final int DEFAULT_OFFER_WINDOW_MINUTES = 24 * 60;

	public static final int MIN_OFFER_WINDOW_MINUTES = 1;

	/** 30 days: an offer is meant to be answered while the seat still matters. */
	public static final int MAX_OFFER_WINDOW_MINUTES = 30 * 24 * 60;

	/** A draft that leaves the waiting room off ({@code rushProtected} omitted). */
	public ClassDraft(String title, String description, Integer capacity, Integer waitlistCapacity, Boolean allowWaitlist,
			Visibility visibility, String location, BigDecimal fee, Boolean isOnline, SelectionType selectionType,
			Instant recruitStartAt, Instant recruitEndAt, Instant startAt, Instant endAt, Long version) {
		this(title, description, capacity, waitlistCapacity, allowWaitlist, visibility, location, fee, isOnline, selectionType,
				recruitStartAt, recruitEndAt, startAt, endAt, version, null, null, null);
	}

	/** Validation group of a {@code PUT}: the version the edit was based on is required. */
	public interface Revision {

	}

	ClassTerms terms() {
		return new ClassTerms(this.title.strip(), (this.description != null) ? this.description : "", this.capacity,
				(this.waitlistCapacity != null) ? this.waitlistCapacity : 0, Boolean.TRUE.equals(this.allowWaitlist),
				(this.visibility != null) ? this.visibility : Visibility.PUBLIC, blankToNull(this.location),
				(this.fee != null) ? this.fee.longValueExact() : 0, Boolean.TRUE.equals(this.isOnline),
				(this.selectionType != null) ? this.selectionType : SelectionType.FIRST_COME, this.recruitStartAt,
				this.recruitEndAt, this.startAt, this.endAt, Boolean.TRUE.equals(this.rushProtected),
				(this.waitlistMode != null) ? this.waitlistMode : WaitlistMode.AUTO,
				(this.offerWindowMinutes != null) ? this.offerWindowMinutes : DEFAULT_OFFER_WINDOW_MINUTES);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
