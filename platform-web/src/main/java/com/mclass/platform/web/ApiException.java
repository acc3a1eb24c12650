package com.mclass.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A failure the client caused or must know about, carried to the envelope with its code. Services throw it (or a
 * subclass named for the rule) from the domain; the web layer never builds error bodies by hand.
 */
public class ApiException extends RuntimeException {

	private static final Object[] NO_ARGUMENTS = {};

	private final ErrorCode errorCode;

	private final List<ErrorDetail> details;

	private final transient Object[] messageArguments;

	/** Whole seconds, at least 1; 0 when the thrower knows no time (a 503 then gets the handler's default). */
	private final long retryAfterSeconds;

	public ApiException(ErrorCode errorCode) {
		this(errorCode, null, List.of());
	}

	public ApiException(ErrorCode errorCode, String message) {
		this(errorCode, message, List.of());
	}

	/**
	 * A refusal that knows when it passes (a throttle's lock, a full pool or replica, a store that is down): the client
	 * is told with {@code Retry-After}, whatever the status.
	 */
	public ApiException(ErrorCode errorCode, Duration retryAfter) {
		this(errorCode, null, List.of(), wholeSeconds(Objects.requireNonNull(retryAfter, "retryAfter")), NO_ARGUMENTS);
	}

	public ApiException(ErrorCode errorCode, String message, List<ErrorDetail> details, Object... messageArguments) {
		this(errorCode, message, details, 0, messageArguments);
	}

	private ApiException(ErrorCode errorCode, String message, List<ErrorDetail> details, long retryAfterSeconds,
			Object[] messageArguments) {
		super((message != null) ? message : errorCode.defaultMessage());
		this.errorCode = errorCode;
		this.details = List.copyOf(details);
		this.retryAfterSeconds = retryAfterSeconds;
		this.messageArguments = messageArguments;
	}

	public ErrorCode errorCode() {
		return this.errorCode;
	}

	public List<ErrorDetail> details() {
		return this.details;
	}

	/** Arguments for the localized message of the code, if it has placeholders. */
	public Object[] messageArguments() {
		return this.messageArguments;
	}

	/** The {@code Retry-After} the thrower chose, if any: whole seconds, at least 1. */
	public OptionalLong retryAfterSeconds() {
		return (this.retryAfterSeconds > 0) ? OptionalLong.of(this.retryAfterSeconds) : OptionalLong.empty();
	}

	/**
	 * Rounded up: a client that comes back before the wait is over is only refused again. At least 1, as a 0 would
	 * invite an immediate retry.
	 */
	private static long wholeSeconds(Duration wait) {
		long seconds = wait.getSeconds() + ((wait.getNano() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
