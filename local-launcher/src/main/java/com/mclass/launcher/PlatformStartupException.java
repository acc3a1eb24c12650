package com.mclass.launcher;

/**
 * The platform could not start. The message is written for the person who ran it: what failed and what to do
 * about it, with the tail of the failing service's log when there is one. Everything already started has been
 * stopped by the time this is thrown.
 */
public class PlatformStartupException extends RuntimeException {

	public PlatformStartupException(String message) {
		super(message);
	}

	public PlatformStartupException(String message, Throwable cause) {
		super(message, cause);
	}

}
