package com.mclass.notification.intake;

/**
 * A message that can never be handled, however often it is tried: not JSON, a required field missing, a value
 * outside the contract. It goes to the dead-letter topic at once, with this message as the reason, and its partition
 * moves on.
 */
class UnprocessableEvent extends RuntimeException {

	UnprocessableEvent(String reason) {
		super(reason);
	}

}
