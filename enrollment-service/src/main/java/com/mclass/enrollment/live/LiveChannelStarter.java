package com.mclass.enrollment.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Joins the live channel once Redis answers, and again should the listener ever stop: a service started while Redis
 * was unreachable still serves everything else, and its streams get events from the moment Redis is back (the
 * container itself recovers a subscription lost later).
 */
@Component
class LiveChannelStarter {

	private static final Logger log = LoggerFactory.getLogger(LiveChannelStarter.class);

	private final RedisMessageListenerContainer container;

	LiveChannelStarter(RedisMessageListenerContainer container) {
		this.container = container;
	}

	@Scheduled(fixedDelayString = "${mclass.live.channel-retry:5s}", initialDelay = 0)
	void listen() {
		if (this.container.isRunning()) {
			return;
		}
		try {
			this.container.start();
		}
		catch (RuntimeException ex) {
			log.warn("Live channel not joined yet ({}); trying again", ex.toString());
			try {
				this.container.stop();
			}
			catch (RuntimeException ignored) {
				// not running
			}
		}
	}

}
