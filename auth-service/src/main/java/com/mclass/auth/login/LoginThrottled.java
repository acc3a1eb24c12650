package com.mclass.auth.login;

import com.mclass.auth.RetryLater;
import com.mclass.platform.web.CommonErrorCode;

/** Too many failed logins for the client, the address or the account; {@code Retry-After} goes out with it. */
public class LoginThrottled extends RetryLater {

	LoginThrottled(long retryAfterSeconds) {
		super(CommonErrorCode.RATE_LIMITED, retryAfterSeconds);
	}

}
