package com.mclass.classes.mclass;

import java.time.Instant;

/**
 * Everything an admin decides about a class, with the defaults of an omitted field already applied. The invariants
 * ({@code recruitStartAt < recruitEndAt <= startAt < endAt}, no waitlist seats without a waitlist) are checked on the
 * request ({@link ConsistentClassTerms}) and again by the table's CHECK constraints.
 */
record ClassTerms(String title, String description, int capacity, int waitlistCapacity, boolean allowWaitlist,
		Visibility visibility, String location, long fee, boolean online, SelectionType selectionType, Instant recruitStartAt,
		Instant recruitEndAt, Instant startAt, Instant endAt, boolean rushProtected, WaitlistMode waitlistMode,
		int offerWindowMinutes) {
}
