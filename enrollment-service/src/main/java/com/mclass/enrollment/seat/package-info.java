/**
 * The seat ledger: every statement that moves a class's seat counters ({@code SeatLedger}, the hot conditional UPDATE
 * among them — the placement rule production runs), per-class admission to the database ({@code LedgerGate}), the
 * Redis sold-out short cut, and the replica of class data this service keeps from class-service's events (snapshots,
 * form versions, the {@code ClassCatalog} port for classes not heard of yet); {@code web/} answers availability.
 * It knows nothing of enrollments. See docs/decisions/0001-one-conditional-update-instead-of-locks.md.
 */
package com.mclass.enrollment.seat;
