package com.mclass.enrollment.seat;

import java.time.Instant;

/** Where a class is in its recruit window. */
public enum RecruitState {

	UPCOMING, OPEN, CLOSED;

	/**
	 * Recruitment runs from {@code recruitStartAt} (inclusive) to {@code recruitEndAt} (exclusive); an open end closes
	 * when the class starts, an open start is open from the beginning.
	 */
	public static RecruitState of(Instant recruitStartAt, Instant recruitEndAt, Instant startAt, Instant now) {
		if (recruitStartAt != null && now.isBefore(recruitStartAt)) {
			return UPCOMING;
		}
		Instant end = (recruitEndAt != null) ? recruitEndAt : startAt;
		return (end != null && !now.isBefore(end)) ? CLOSED : OPEN;
	}

}
