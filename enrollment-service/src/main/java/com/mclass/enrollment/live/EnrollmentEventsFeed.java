package com.mclass.enrollment.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.stereotype.Component;

import com.mclass.enrollment.RedisScripts;

/**
 * Turns the committed enrollment events (Kafka, {@code mclass.enrollment.events}) into live events. One replica handles
 * each event (consumer group {@code mclass.live.consumer-group}, starting at the latest offset), a poll at a time in one
 * Redis call: it appends each event to the student's short log for the class (once per event id) and publishes it on
 * the Redis channel every replica's streams listen on. The database is never polled for it.
 */
@Component
class EnrollmentEventsFeed {

	private static final Logger log = LoggerFactory.getLogger(EnrollmentEventsFeed.class);

	private static final RedisScript<Long> RECORD = RedisScripts.fromClasspath("live/record.lua", Long.class);

	private final StringRedisTemplate redis;

	private final LiveProperties properties;

	private final AvailabilityFeed availability;

	private final JsonMapper json;

	EnrollmentEventsFeed(StringRedisTemplate redis, LiveProperties properties, AvailabilityFeed availability, JsonMapper json) {
		this.redis = redis;
		this.properties = properties;
		this.availability = availability;
		this.json = json;
	}

	static String logKey(UUID classId, UUID userId) {
		return "mclass:live:{" + classId + "}:log:" + userId;
	}

	@KafkaListener(id = "enrollment-live-feed", groupId = "${mclass.live.consumer-group:enrollment-service-live}",
			topics = "${mclass.enrollment.events-topic:mclass.enrollment.events}", batch = "true",
			containerPostProcessor = "liveFeedCommitsPerPoll", properties = "auto.offset.reset=latest")
	void on(List<ConsumerRecord<String, String>> records) {
		List<String> keys = new ArrayList<>();
		List<String> arguments = new ArrayList<>(List.of(this.properties.channel(),
				String.valueOf(this.properties.logTtl().toSeconds()), String.valueOf(this.properties.logLength())));
		Set<UUID> classes = new LinkedHashSet<>();
		for (ConsumerRecord<String, String> record : records) {
			try {
				JsonNode envelope = this.json.readTree(record.value());
				JsonNode data = envelope.path("data");
				UUID classId = UUID.fromString(data.path("mclassId").asString());
				UUID userId = UUID.fromString(data.path("userId").asString());
				keys.add("mclass:live:seen:" + envelope.path("id").asString());
				keys.add(logKey(classId, userId));
				arguments.add(this.json.writeValueAsString(liveEvent(envelope, data)));
				arguments.add(classId.toString());
				arguments.add(userId.toString());
				classes.add(classId);
			}
			catch (RuntimeException ex) {
				// Live updates are a convenience: a malformed one never blocks the topic (the status is in GET …/enrollments).
				log.warn("Enrollment event at offset {} not turned into a live event: {}", record.offset(), ex.toString());
			}
		}
		if (keys.isEmpty()) {
			return;
		}
		try {
			this.redis.execute(RECORD, keys, arguments.toArray());
		}
		catch (RuntimeException ex) {
			log.warn("{} enrollment events not turned into live events: {}", keys.size() / 2, ex.toString());
		}
		classes.forEach(this.availability::changed);
	}

	/** The service's listeners commit per record; a batch listener commits per poll (a redelivery is deduplicated). */
	@Bean
	static ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> liveFeedCommitsPerPoll() {
		return (container) -> container.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
	}

	private static Map<String, Object> liveEvent(JsonNode envelope, JsonNode data) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("eventId", envelope.path("id").asString());
		event.put("type", envelope.path("type").asString());
		event.put("enrollmentId", data.path("enrollmentId").asString());
		event.put("status", data.path("status").asString());
		event.put("previousStatus", data.path("previousStatus").isNull() ? null : data.path("previousStatus").asString(null));
		event.put("reason", data.path("reason").isNull() ? null : data.path("reason").asString(null));
		event.put("offerExpiresAt", data.path("offerExpiresAt").isMissingNode() || data.path("offerExpiresAt").isNull() ? null
				: data.path("offerExpiresAt").asString(null));
		event.put("occurredAt", data.path("occurredAt").asString(envelope.path("time").asString(null)));
		return event;
	}

}
