package com.mclass.auth.login;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/** Too many failed logins for the account or the address; {@code retryAfterSeconds} goes out as {@code Retry-After}. */
public class LoginThrottled extends ApiException {

	private final long retryAfterSeconds;

	LoginThrottled(long retryAfterSeconds) {
		super(CommonErrorCode.RATE_LIMITED);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
