package com.mclass.launcher.service;

/** A service did not become ready: it exited, or it did not answer its readiness probe in time. */
public class ServiceStartupException extends RuntimeException {

	private final String service;

	public ServiceStartupException(String service, String message) {
		super(message);
		this.service = service;
	}

	public String service() {
		return this.service;
	}

}
