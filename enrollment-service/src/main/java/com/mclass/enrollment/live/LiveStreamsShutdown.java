package com.mclass.enrollment.live;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ends every live stream when the service shuts down, before the web server's graceful shutdown: that waits for
 * active requests, and a stream is one until its client leaves (it held every stop for the full 30 s grace period).
 * Clients reconnect, to another replica, and resume with {@code Last-Event-ID}.
 */
@Component
class LiveStreamsShutdown implements SmartLifecycle {

	private final LiveStreams streams;

	private volatile boolean running;

	LiveStreamsShutdown(LiveStreams streams) {
		this.streams = streams;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.streams.closeAll();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stopped before the web server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}): later phases stop first. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	/** A paused test context keeps its streams; only a shutdown ends them. */
	@Override
	public boolean isPauseable() {
		return false;
	}

}
