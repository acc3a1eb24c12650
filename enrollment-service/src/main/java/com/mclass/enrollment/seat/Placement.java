package com.mclass.enrollment.seat;

/**
 * The place an enrollment holds in a class's ledger, one counter each: a seat, a seat offered from the waitlist, a
 * waitlist place, or an application waiting for review. Named like the enrollment statuses that hold them.
 */
public enum Placement {

	APPROVED, WAITLISTED, APPLIED, OFFERED

}
