package com.mclass.auth;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.ErrorCode;

/**
 * A refusal the client may retry after a known time: answered in the envelope with {@code Retry-After} (seconds) by
 * {@link RetryAfterAdvice}.
 */
public class RetryLater extends ApiException {

	private final long retryAfterSeconds;

	public RetryLater(ErrorCode errorCode, long retryAfterSeconds) {
		super(errorCode);
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
