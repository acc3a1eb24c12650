package com.mclass.enrollment.live;

import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this replica on the live channel. Joins it once Redis answers (a service started while Redis was unreachable
 * still serves everything else), and checks that it still hears it: every {@code channel-check} it publishes a ping and
 * expects to hear it back. A replica whose subscription went deaf while its container still says it listens (seen in CI,
 * cause not found) would silently stop its streams' enrollment events; after {@value #MISSED_PINGS} unheard pings it
 * rejoins, and the rejoin catches its streams up from the students' logs ({@link LiveEventsListener}).
 */
@Component
class LiveChannelWatch {

	private static final Logger log = LoggerFactory.getLogger(LiveChannelWatch.class);

	static final int MISSED_PINGS = 2;

	private final RedisMessageListenerContainer container;

	private final LiveEventsListener listener;

	private final StringRedisTemplate redis;

	private final LiveProperties properties;

	private final JsonMapper json;

	private final Counter rejoins;

	/** Pings published since one was last heard back. */
	private int unheard;

	private String lastPing;

	LiveChannelWatch(RedisMessageListenerContainer container, LiveEventsListener listener, StringRedisTemplate redis,
			LiveProperties properties, JsonMapper json, MeterRegistry meters) {
		this.container = container;
		this.listener = listener;
		this.redis = redis;
		this.properties = properties;
		this.json = json;
		this.rejoins = Counter.builder("mclass.live.channel.rejoins")
			.description("Times this replica rejoined the live channel after its own pings went unheard")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${mclass.live.channel-check:2s}", initialDelay = 0)
	void check() {
		if (!this.container.isRunning()) {
			join();
			return;
		}
		if (this.lastPing != null && !this.lastPing.equals(this.listener.lastPingHeard())) {
			this.unheard++;
		}
		else {
			this.unheard = 0;
		}
		if (this.unheard >= MISSED_PINGS) {
			log.warn("Live channel {}: the last {} pings of this replica were not heard back; rejoining", this.properties.channel(),
					this.unheard);
			this.rejoins.increment();
			this.unheard = 0;
			this.lastPing = null;
			stop();
			join();
			return;
		}
		ping();
	}

	private void ping() {
		String ping = UUID.randomUUID().toString();
		try {
			this.redis.convertAndSend(this.properties.channel(), this.json.writeValueAsString(Map.of("kind", "ping", "replica", this.listener.replica(),
					"ping", ping)));
			this.lastPing = ping;
		}
		catch (RuntimeException ex) {
			// Redis unreachable: nothing to learn about the subscription; the container recovers it when Redis is back.
			log.debug("Live channel ping not sent: {}", ex.toString());
			this.lastPing = null;
			this.unheard = 0;
		}
	}

	private void join() {
		try {
			this.container.start();
		}
		catch (RuntimeException ex) {
			log.warn("Live channel not joined yet ({}); trying again", ex.toString());
			stop();
		}
	}

	private void stop() {
		try {
			this.container.stop();
		}
		catch (RuntimeException ignored) {
			// not running
		}
	}

}
