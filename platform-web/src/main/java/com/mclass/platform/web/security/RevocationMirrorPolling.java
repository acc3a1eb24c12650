package com.mclass.platform.web.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Keeps a servlet service's {@link RevocationMirror} current: one daemon thread polls Redis at a fixed delay (a slow
 * poll delays the next instead of piling up behind it), started and stopped with the application context. A failed
 * poll is reported to the mirror, which goes stale and lets requests fall back to per-session lookups.
 */
class RevocationMirrorPolling implements SmartLifecycle {

	private final RevocationMirror mirror;

	private final StringRedisTemplate redis;

	private final Duration interval;

	private ScheduledExecutorService poller;

	RevocationMirrorPolling(RevocationMirror mirror, StringRedisTemplate redis, Duration interval) {
		this.mirror = mirror;
		this.redis = redis;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (this.poller != null) {
			return;
		}
		this.poller = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "revocation-mirror");
			thread.setDaemon(true);
			return thread;
		});
		this.poller.scheduleWithFixedDelay(this::pollOnce, 0, this.interval.toNanos(), TimeUnit.NANOSECONDS);
	}

	private void pollOnce() {
		try {
			RevocationMirror.Poll poll = this.mirror.nextPoll();
			List<?> reply = this.redis.execute(RevocationMirror.POLL, poll.keys(), poll.args().toArray());
			this.mirror.polled(poll, reply);
		}
		catch (RuntimeException ex) {
			// Caught, or the executor would silently cancel every later poll.
			this.mirror.pollFailed(ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.poller == null) {
			return;
		}
		this.poller.shutdownNow();
		try {
			// Lets a poll in flight finish before the Redis connection it uses is closed.
			this.poller.awaitTermination(this.interval.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.poller = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.poller != null;
	}

	/**
	 * Below the web server's phase ({@code SMART_LIFECYCLE_PHASE - 1024}): the first poll is under way before requests
	 * arrive, and polling stops only once the server has drained them. Above the Redis connection factory's (0), which
	 * must outlive it.
	 */
	@Override
	public int getPhase() {
		return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;
	}

}
