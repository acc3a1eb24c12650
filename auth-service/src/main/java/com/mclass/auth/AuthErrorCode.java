package com.mclass.auth;

import com.mclass.platform.web.ErrorCode;

/** The codes only auth-service answers with; texts live in messages*.properties under {@code error.<CODE>}. */
public final class AuthErrorCode {

	public static final ErrorCode EMAIL_TAKEN = new ErrorCode("EMAIL_TAKEN", 409, "This e-mail is already registered.");

	public static final ErrorCode INVALID_CREDENTIALS = new ErrorCode("INVALID_CREDENTIALS", 401, "The e-mail or password is incorrect.");

	public static final ErrorCode INVALID_REFRESH_TOKEN = new ErrorCode("INVALID_REFRESH_TOKEN", 401, "The refresh token is invalid, expired or already used. Log in again.");

	public static final ErrorCode INVALID_EXCHANGE_CODE = new ErrorCode("INVALID_EXCHANGE_CODE", 401, "The sign-in code is invalid or has expired. Sign in again.");

	public static final ErrorCode CANNOT_CHANGE_OWN_ROLE = new ErrorCode("CANNOT_CHANGE_OWN_ROLE", 409, "Administrators cannot change their own role.");

	public static final ErrorCode TERM_VERSION_CONFLICT = new ErrorCode("TERM_VERSION_CONFLICT", 409, "Another version of this term was published at the same time. Try again.");

	public static final ErrorCode CANNOT_DISABLE_OWN_ACCOUNT = new ErrorCode("CANNOT_DISABLE_OWN_ACCOUNT", 409, "Administrators cannot disable their own account.");

	public static final ErrorCode ACCOUNT_DISABLED = new ErrorCode("ACCOUNT_DISABLED", 403, "This account is disabled.");

	public static final ErrorCode INVALID_VERIFICATION_TOKEN = new ErrorCode("INVALID_VERIFICATION_TOKEN", 400, "The verification link is invalid, expired or already used.");

	public static final ErrorCode INVALID_RESET_TOKEN = new ErrorCode("INVALID_RESET_TOKEN", 400, "The password reset link is invalid, expired or already used.");

	public static final ErrorCode EMAIL_ALREADY_VERIFIED = new ErrorCode("EMAIL_ALREADY_VERIFIED", 409, "This e-mail address is already verified.");

	private AuthErrorCode() {
	}

}
