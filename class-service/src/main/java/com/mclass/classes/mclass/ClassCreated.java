package com.mclass.classes.mclass;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A class was created. Carries every field enrollment-service needs to open a seat ledger and check the recruit
 * window without calling back, and what notification-service needs to name the class in a mail.
 */
public record ClassCreated(UUID classId, String title, Visibility visibility, SelectionType selectionType, int capacity,
		int waitlistCapacity, boolean allowWaitlist, Instant recruitStartAt, Instant recruitEndAt, Instant startAt,
		Instant endAt, String location, @JsonProperty("isOnline") boolean isOnline, long version,
		boolean rushProtected, WaitlistMode waitlistMode, int offerWindowMinutes) {

	static ClassCreated of(MClass mclass) {
		return new ClassCreated(mclass.id(), mclass.title(), mclass.visibility(), mclass.selectionType(), mclass.capacity(),
				mclass.waitlistCapacity(), mclass.allowWaitlist(), mclass.recruitStartAt(), mclass.recruitEndAt(),
				mclass.startAt(), mclass.endAt(), mclass.location(), mclass.online(), mclass.version(),
				mclass.rushProtected(), mclass.waitlistMode(), mclass.offerWindowMinutes());
	}

}
