package com.mclass.platform.web;

/**
 * A stable, documented error code and the HTTP status it travels with. The platform defines the codes every service
 * shares ({@link CommonErrorCode}); each service adds its own domain codes in its own enum.
 */
public interface ErrorCode {

	/** The code clients switch on, e.g. {@code CLASS_FULL}. Never changes once published. */
	String code();

	int httpStatus();

	/** Message used when no localized text exists for the code. */
	String defaultMessage();

}
