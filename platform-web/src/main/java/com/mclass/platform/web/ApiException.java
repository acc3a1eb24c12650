package com.mclass.platform.web;

import java.util.List;

/**
 * A failure the client caused or must know about, carried to the envelope with its code. Services throw it (or a
 * subclass named for the rule) from the domain; the web layer never builds error bodies by hand.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode errorCode;

	private final List<ErrorDetail> details;

	private final transient Object[] messageArguments;

	public ApiException(ErrorCode errorCode) {
		this(errorCode, null, List.of());
	}

	public ApiException(ErrorCode errorCode, String message) {
		this(errorCode, message, List.of());
	}

	public ApiException(ErrorCode errorCode, String message, List<ErrorDetail> details, Object... messageArguments) {
		super((message != null) ? message : errorCode.defaultMessage());
		this.errorCode = errorCode;
		this.details = List.copyOf(details);
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

}
