package com.mclass.enrollment.seat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A class's seat configuration and counters as the ledger holds them, with what enrolling needs to know about the
 * class (recruit window, schedule, active form version) and what its emails name (title, location). {@code offered}
 * counts the seats offered to waiting students ({@code waitlistMode} OFFER), each for {@code offerWindow}.
 */
public record ClassSeats(UUID classId, String title, String location, boolean online, SelectionType selectionType,
		int capacity, int waitlistCapacity, boolean allowWaitlist, int approved, int waitlisted, int applied,
		Instant recruitStartAt, Instant recruitEndAt, Instant startAt, Instant endAt, Integer formVersion,
		long classVersion, boolean deleted, int offered, WaitlistMode waitlistMode, Duration offerWindow) {

	/** See {@link RecruitState#of}. */
	public RecruitState recruitState(Instant now) {
		return RecruitState.of(this.recruitStartAt, this.recruitEndAt, this.startAt, now);
	}

	public boolean hasStarted(Instant now) {
		return this.startAt != null && !now.isBefore(this.startAt);
	}

	/** Seats neither approved nor offered: an offered seat is held until its offer is answered or expires. */
	public int seatsLeft() {
		return Math.max(0, this.capacity - this.approved - this.offered);
	}

	public int waitlistLeft() {
		return this.allowWaitlist ? Math.max(0, this.waitlistCapacity - this.waitlisted) : 0;
	}

	public boolean isFirstCome() {
		return this.selectionType == SelectionType.FIRST_COME;
	}

}
