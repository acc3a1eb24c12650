package com.mclass.enrollment.seat;

import java.time.Instant;
import java.util.UUID;

/**
 * A class as class-service describes it at {@code version}, from an event or from its internal endpoint: what the
 * ledger adopts.
 */
public record ClassSnapshot(UUID classId, String title, String location, boolean online, SelectionType selectionType,
		int capacity, int waitlistCapacity, boolean allowWaitlist, Instant recruitStartAt, Instant recruitEndAt,
		Instant startAt, Instant endAt, long version, boolean deleted, WaitlistMode waitlistMode, int offerWindowMinutes) {
}
