package com.mclass.enrollment.seat;

import java.util.UUID;

/**
 * Published inside the transaction that freed one or more seats of a class (an approved enrollment left, or the
 * capacity grew), while that transaction still holds the class's ledger row: the waitlist fills them before commit.
 */
public record SeatsFreed(UUID classId) {
}
