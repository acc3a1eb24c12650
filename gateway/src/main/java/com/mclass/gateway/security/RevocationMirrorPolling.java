package com.mclass.gateway.security;

import java.time.Duration;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import com.mclass.platform.web.security.RevocationMirror;

/**
 * Keeps the gateway's {@link RevocationMirror} current without touching a Netty event loop: ticks and replies are
 * handled on a single thread of its own, one poll at a time (a tick that comes while a poll is still out is dropped,
 * not queued). A poll that has not answered within {@code revocation-cache-ttl} could no longer make the mirror
 * current, so it is given up; failures are reported to the mirror, which goes stale and lets requests fall back to
 * per-session lookups. Started and stopped with the application context.
 */
class RevocationMirrorPolling implements SmartLifecycle {

	private final RevocationMirror mirror;

	private final ReactiveStringRedisTemplate redis;

	private final Duration interval;

	private final Duration timeout;

	private Scheduler scheduler;

	private Disposable polling;

	RevocationMirrorPolling(RevocationMirror mirror, ReactiveStringRedisTemplate redis, Duration interval,
			Duration timeout) {
		this.mirror = mirror;
		this.redis = redis;
		this.interval = interval;
		this.timeout = timeout;
	}

	@Override
	public synchronized void start() {
		if (this.polling != null) {
			return;
		}
		Scheduler scheduler = Schedulers.newSingle("revocation-mirror", true);
		this.scheduler = scheduler;
		this.polling = Flux.interval(Duration.ZERO, this.interval, scheduler)
			.onBackpressureDrop()
			.concatMap((tick) -> pollOnce(scheduler), 0)
			.subscribe();
	}

	private Mono<Void> pollOnce(Scheduler scheduler) {
		return Mono.defer(() -> {
			RevocationMirror.Poll poll = this.mirror.nextPoll();
			return this.redis.execute(RevocationMirror.POLL, poll.keys(), poll.args())
				.next()
				.timeout(this.timeout, scheduler)
				.publishOn(scheduler)
				.doOnNext((reply) -> this.mirror.polled(poll, reply));
		}).onErrorResume((failure) -> {
			this.mirror.pollFailed(failure);
			return Mono.empty();
		}).then();
	}

	@Override
	public synchronized void stop() {
		if (this.polling == null) {
			return;
		}
		this.polling.dispose();
		this.scheduler.dispose();
		this.polling = null;
		this.scheduler = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.polling != null;
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
