package com.mclass.classes.mclass;

/**
 * What happens to a seat freed while students wait (enrollment-service's waitlist): AUTO takes it for the
 * longest-waiting student at once; OFFER offers it to them, to accept within the class's offer window.
 */
public enum WaitlistMode {

	AUTO, OFFER

}
