package com.mclass.classes.mclass;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A class as clients read it. {@code recruitState} depends on the clock, so it is recomputed on every read
 * ({@link #at(Instant)}) rather than trusted from a cache.
 */
public record ClassView(UUID id, String title, String description, int capacity, int waitlistCapacity, boolean allowWaitlist,
		Visibility visibility, String location, long fee, @JsonProperty("isOnline") boolean isOnline, SelectionType selectionType,
		Instant recruitStartAt, Instant recruitEndAt, Instant startAt, Instant endAt, RecruitState recruitState, UUID createdBy,
		Instant createdAt, Instant updatedAt, long version, boolean rushProtected, WaitlistMode waitlistMode,
		int offerWindowMinutes) {

	static ClassView of(MClass mclass, Instant now) {
		return new ClassView(mclass.id(), mclass.title(), mclass.description(), mclass.capacity(), mclass.waitlistCapacity(),
				mclass.allowWaitlist(), mclass.visibility(), mclass.location(), mclass.fee(), mclass.online(),
				mclass.selectionType(), mclass.recruitStartAt(), mclass.recruitEndAt(), mclass.startAt(), mclass.endAt(),
				RecruitState.at(now, mclass.recruitStartAt(), mclass.recruitEndAt()), mclass.createdBy(), mclass.createdAt(),
				mclass.updatedAt(), mclass.version(), mclass.rushProtected(), mclass.waitlistMode(),
				mclass.offerWindowMinutes());
	}

	/** This view with the recruit state of {@code now}. */
	public ClassView at(Instant now) {
		RecruitState state = RecruitState.at(now, this.recruitStartAt, this.recruitEndAt);
		if (state == this.recruitState) {
			return this;
		}
		return new ClassView(this.id, this.title, this.description, this.capacity, this.waitlistCapacity, this.allowWaitlist,
				this.visibility, this.location, this.fee, this.isOnline, this.selectionType, this.recruitStartAt,
				this.recruitEndAt, this.startAt, this.endAt, state, this.createdBy, this.createdAt, this.updatedAt, this.version,
				this.rushProtected, this.waitlistMode, this.offerWindowMinutes);
	}

}
