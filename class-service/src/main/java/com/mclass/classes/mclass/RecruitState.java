package com.mclass.classes.mclass;

import java.time.Instant;

/** Where a class's recruit window stands at a given moment: before it, inside it ({@code [start, end)}), after it. */
public enum RecruitState {

	UPCOMING, OPEN, CLOSED;

	public static RecruitState at(Instant now, Instant recruitStartAt, Instant recruitEndAt) {
		if (now.isBefore(recruitStartAt)) {
			return UPCOMING;
		}
		return now.isBefore(recruitEndAt) ? OPEN : CLOSED;
	}

}
