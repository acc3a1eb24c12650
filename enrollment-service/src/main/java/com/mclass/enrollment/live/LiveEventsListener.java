package com.mclass.enrollment.live;

import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.stereotype.Component;

/**
 * What arrives on the live channel: enrollment and availability events for this replica's streams, and the pings
 * {@link LiveChannelWatch} sends to find out whether this replica still hears the channel. Each (re)subscription
 * catches the streams up from the students' logs: pub/sub keeps nothing for a listener that was away.
 */
@Component
class LiveEventsListener implements MessageListener, SubscriptionListener {

	private static final Logger log = LoggerFactory.getLogger(LiveEventsListener.class);

	private final LiveStreams streams;

	private final JsonMapper json;

	private final Counter received;

	/** Tells this replica's pings from the others' (every replica hears every ping). */
	private final String replica = UUID.randomUUID().toString();

	private volatile String lastPingHeard;

	LiveEventsListener(LiveStreams streams, JsonMapper json, MeterRegistry meters) {
		this.streams = streams;
		this.json = json;
		this.received = Counter.builder("mclass.live.channel.messages")
			.description("Messages this replica received on the live channel (events and its own pings)")
			.register(meters);
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		this.received.increment();
		try {
			JsonNode event = this.json.readTree(message.getBody());
			String kind = event.path("kind").asString();
			if ("ping".equals(kind)) {
				if (this.replica.equals(event.path("replica").asString())) {
					this.lastPingHeard = event.path("ping").asString();
				}
				return;
			}
			UUID classId = UUID.fromString(event.path("classId").asString());
			String data = event.path("data").asString();
			if ("enrollment".equals(kind)) {
				this.streams.enrollment(classId, UUID.fromString(event.path("userId").asString()), event.path("id").asString(), data);
			}
			else if ("availability".equals(kind)) {
				this.streams.availability(classId, data);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Live event not delivered: {}", ex.toString());
		}
	}

	@Override
	public void onChannelSubscribed(byte[] channel, long count) {
		this.streams.catchUp();
	}

	String replica() {
		return this.replica;
	}

	/** The last of this replica's pings heard back (each ping carries a fresh id). */
	String lastPingHeard() {
		return this.lastPingHeard;
	}

	long messagesReceived() {
		return (long) this.received.count();
	}

}
