package com.mclass.platform.web;

/**
 * Codes that any MClass service (and the gateway) can answer with. Domain codes such as {@code CLASS_FULL} live in the
 * service that owns the rule.
 */
public enum CommonErrorCode implements ErrorCode {

	VALIDATION_FAILED(400, "The request is invalid."),
	MALFORMED_REQUEST(400, "The request body could not be read."),
	UNAUTHENTICATED(401, "Authentication is required."),
	TOKEN_EXPIRED(401, "The access token has expired."),
	FORBIDDEN(403, "You are not allowed to do this."),
	NOT_FOUND(404, "The resource was not found."),
	METHOD_NOT_ALLOWED(405, "This method is not allowed here."),
	NOT_ACCEPTABLE(406, "No acceptable representation is available."),
	CONFLICT(409, "The request conflicts with the current state."),
	PAYLOAD_TOO_LARGE(413, "The request body is too large."),
	UNSUPPORTED_MEDIA_TYPE(415, "This content type is not supported."),
	RATE_LIMITED(429, "Too many requests. Try again later."),
	INTERNAL_ERROR(500, "An unexpected error occurred."),
	BAD_GATEWAY(502, "An upstream service answered with an error."),
	SERVICE_UNAVAILABLE(503, "The service is temporarily unavailable."),
	GATEWAY_TIMEOUT(504, "An upstream service did not answer in time.");

	private final int httpStatus;

	private final String defaultMessage;

	CommonErrorCode(int httpStatus, String defaultMessage) {
		this.httpStatus = httpStatus;
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String code() {
		return name();
	}

	@Override
	public int httpStatus() {
		return this.httpStatus;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

	/** The code a bare HTTP status maps to when nothing more specific is known. */
	public static CommonErrorCode forStatus(int status) {
		return switch (status) {
			case 400 -> VALIDATION_FAILED;
			case 401 -> UNAUTHENTICATED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 429 -> RATE_LIMITED;
			case 502 -> BAD_GATEWAY;
			case 503 -> SERVICE_UNAVAILABLE;
			case 504 -> GATEWAY_TIMEOUT;
			default -> (status >= 500) ? INTERNAL_ERROR : VALIDATION_FAILED;
		};
	}

}
