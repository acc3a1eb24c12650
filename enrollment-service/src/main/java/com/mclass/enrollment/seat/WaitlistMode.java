package com.mclass.enrollment.seat;

/**
 * What becomes of a seat freed while students wait (class-service's {@code waitlistMode}): AUTO takes it for the
 * longest-waiting enrollment at once; OFFER offers it to them, to accept within the class's offer window.
 */
public enum WaitlistMode {

	AUTO, OFFER

}
