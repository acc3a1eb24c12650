package com.mclass.auth.login;

import java.time.Duration;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/** Too many failed logins for the client, the address or the account; {@code Retry-After} goes out with it. */
public class LoginThrottled extends ApiException {

	LoginThrottled(Duration wait) {
		super(CommonErrorCode.RATE_LIMITED, wait);
	}

}
