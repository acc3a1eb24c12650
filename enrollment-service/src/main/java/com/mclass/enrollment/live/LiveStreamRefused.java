package com.mclass.enrollment.live;

import java.time.Duration;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * No stream opened on this replica: it holds as many as it may ({@code mclass.live.max-streams}) or it is shutting
 * down. 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}; the client reconnects, to a replica with room.
 */
class LiveStreamRefused extends ApiException {

	/** Longer than a reconnect: thousands of refused clients coming back at once would only be refused again. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	LiveStreamRefused() {
		super(CommonErrorCode.SERVICE_UNAVAILABLE, RETRY_AFTER);
	}

	/** Refused by the thousand when a replica is full, and never a bug: a stack trace would only cost. */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
