package com.mclass.enrollment.live;

/** This replica holds as many live streams as it may ({@code mclass.live.max-streams}): 503 with Retry-After. */
class LiveStreamsFull extends RuntimeException {

	LiveStreamsFull(int maxStreams) {
		super("This replica holds its maximum of " + maxStreams + " live streams", null, false, false);
	}

}
