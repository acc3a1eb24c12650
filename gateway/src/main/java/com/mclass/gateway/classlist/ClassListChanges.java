package com.mclass.gateway.classlist;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * Drops the gateway's copy of the class list whenever class-service announces a class change on Redis (made through
 * any gateway, or none). Changes made through this gateway drop it without waiting for the message
 * ({@link ClassListKeeping}); the copy's TTL bounds what a lost message costs: while Redis is unreachable the
 * subscription is renewed every few seconds, and each (re)subscription drops the copy, since messages were missed.
 */
class ClassListChanges implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClassListChanges.class);

	private final ReactiveRedisConnectionFactory connections;

	private final PublicClassList list;

	private final ChannelTopic channel;

	private volatile Disposable subscription;

	ClassListChanges(ReactiveRedisConnectionFactory connections, PublicClassList list, String channel) {
		this.connections = connections;
		this.list = list;
		this.channel = ChannelTopic.of(channel);
	}

	@Override
	public void start() {
		this.subscription = Flux
			.usingWhen(Mono.fromSupplier(() -> new ReactiveRedisMessageListenerContainer(this.connections)),
					(container) -> container.receiveLater(this.channel).flatMapMany((messages) -> {
						this.list.clear();
						return messages;
					}), ReactiveRedisMessageListenerContainer::destroyLater)
			.doOnError((ex) -> log.warn("Class list changes: not subscribed to {} ({}); retrying",
					this.channel.getTopic(), ex.toString()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
			.subscribe((message) -> this.list.clear());
	}

	@Override
	public void stop() {
		Disposable running = this.subscription;
		if (running != null) {
			running.dispose();
			this.subscription = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.subscription != null;
	}

}
