package com.mclass.classes.mclass;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A class was changed. The whole state, not a diff: a consumer applies it when {@code version} is newer than what it
 * holds and ignores it otherwise, which makes redelivery harmless. {@code updatedBy} is the admin who changed it (for
 * the audit feed; added without a {@code dataversion} bump, so older events have none).
 */
public record ClassUpdated(UUID classId, String title, Visibility visibility, SelectionType selectionType, int capacity,
		int waitlistCapacity, boolean allowWaitlist, Instant recruitStartAt, Instant recruitEndAt, Instant startAt,
		Instant endAt, String location, @JsonProperty("isOnline") boolean isOnline, long version,
		boolean rushProtected, WaitlistMode waitlistMode, int offerWindowMinutes, UUID updatedBy) {

	static ClassUpdated of(MClass mclass, UUID updatedBy) {
		return new ClassUpdated(mclass.id(), mclass.title(), mclass.visibility(), mclass.selectionType(), mclass.capacity(),
				mclass.waitlistCapacity(), mclass.allowWaitlist(), mclass.recruitStartAt(), mclass.recruitEndAt(),
				mclass.startAt(), mclass.endAt(), mclass.location(), mclass.online(), mclass.version(),
				mclass.rushProtected(), mclass.waitlistMode(), mclass.offerWindowMinutes(), updatedBy);
	}

}
