package com.mclass.platform.web;

/**
 * Codes that any MClass service (and the gateway) can answer with. Domain codes such as {@code CLASS_FULL} live in the
 * service that owns the rule.
 */
public final class CommonErrorCode {

	public static final ErrorCode VALIDATION_FAILED = new ErrorCode("VALIDATION_FAILED", 400, "The request is invalid.");

	public static final ErrorCode MALFORMED_REQUEST = new ErrorCode("MALFORMED_REQUEST", 400, "The request body could not be read.");

	public static final ErrorCode UNAUTHENTICATED = new ErrorCode("UNAUTHENTICATED", 401, "Authentication is required.");

	public static final ErrorCode TOKEN_EXPIRED = new ErrorCode("TOKEN_EXPIRED", 401, "The access token has expired.");

	public static final ErrorCode FORBIDDEN = new ErrorCode("FORBIDDEN", 403, "You are not allowed to do this.");

	public static final ErrorCode NOT_FOUND = new ErrorCode("NOT_FOUND", 404, "The resource was not found.");

	public static final ErrorCode METHOD_NOT_ALLOWED = new ErrorCode("METHOD_NOT_ALLOWED", 405, "This method is not allowed here.");

	public static final ErrorCode NOT_ACCEPTABLE = new ErrorCode("NOT_ACCEPTABLE", 406, "No acceptable representation is available.");

	public static final ErrorCode CONFLICT = new ErrorCode("CONFLICT", 409, "The request conflicts with the current state.");

	public static final ErrorCode PAYLOAD_TOO_LARGE = new ErrorCode("PAYLOAD_TOO_LARGE", 413, "The request body is too large.");

	public static final ErrorCode UNSUPPORTED_MEDIA_TYPE = new ErrorCode("UNSUPPORTED_MEDIA_TYPE", 415, "This content type is not supported.");

	public static final ErrorCode RATE_LIMITED = new ErrorCode("RATE_LIMITED", 429, "Too many requests. Try again later.");

	public static final ErrorCode INTERNAL_ERROR = new ErrorCode("INTERNAL_ERROR", 500, "An unexpected error occurred.");

	public static final ErrorCode BAD_GATEWAY = new ErrorCode("BAD_GATEWAY", 502, "An upstream service answered with an error.");

	public static final ErrorCode SERVICE_UNAVAILABLE = new ErrorCode("SERVICE_UNAVAILABLE", 503, "The service is temporarily unavailable.");

	public static final ErrorCode GATEWAY_TIMEOUT = new ErrorCode("GATEWAY_TIMEOUT", 504, "An upstream service did not answer in time.");

	private CommonErrorCode() {
	}

	/** The code a bare HTTP status maps to when nothing more specific is known. */
	public static ErrorCode forStatus(int status) {
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
