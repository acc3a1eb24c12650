package com.mclass.enrollment.live;

/**
 * No stream opened on this replica: it holds as many as it may ({@code mclass.live.max-streams}) or it is shutting
 * down. 503 with Retry-After; the client reconnects, to a replica with room.
 */
class LiveStreamRefused extends RuntimeException {

	private LiveStreamRefused(String message) {
		super(message, null, false, false);
	}

	static LiveStreamRefused full(int maxStreams) {
		return new LiveStreamRefused("This replica holds its maximum of " + maxStreams + " live streams");
	}

	static LiveStreamRefused shuttingDown() {
		return new LiveStreamRefused("This replica is shutting down");
	}

}
