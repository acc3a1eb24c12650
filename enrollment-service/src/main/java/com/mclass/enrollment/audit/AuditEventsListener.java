package com.mclass.enrollment.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads class and user events for the audit in a consumer group of its own ({@code mclass.enrollment.audit.consumer-group}),
 * so the audit neither holds back nor is held back by the seat ledger's consumer of the same class events. A message
 * that is not an event envelope is logged and skipped: the feed is a record, not a process that must see it (the seat
 * ledger's consumer sends such class events to the dead-letter topic).
 */
@Component
class AuditEventsListener {

	private static final Logger log = LoggerFactory.getLogger(AuditEventsListener.class);

	private final RecordingAuditEvents recording;

	private final JsonMapper json;

	AuditEventsListener(RecordingAuditEvents recording, JsonMapper json) {
		this.recording = recording;
		this.json = json;
	}

	@KafkaListener(id = "enrollment-audit-class-events", groupId = "${mclass.enrollment.audit.consumer-group:enrollment-service-audit}",
			topics = "${mclass.enrollment.class-events-topic:mclass.class.events}")
	void onClassEvent(ConsumerRecord<String, String> record) {
		RecordingAuditEvents.Envelope event = parse(record);
		if (event != null) {
			this.recording.classEvent(event);
		}
	}

	@KafkaListener(id = "enrollment-audit-user-events", groupId = "${mclass.enrollment.audit.consumer-group:enrollment-service-audit}",
			topics = "${mclass.enrollment.user-events-topic:mclass.user.events}")
	void onUserEvent(ConsumerRecord<String, String> record) {
		RecordingAuditEvents.Envelope event = parse(record);
		if (event != null) {
			this.recording.userEvent(event);
		}
	}

	private RecordingAuditEvents.Envelope parse(ConsumerRecord<String, String> record) {
		try {
			JsonNode envelope = this.json.readTree(record.value());
			UUID id = UUID.fromString(envelope.path("id").asString());
			String time = envelope.path("time").asString("");
			return new RecordingAuditEvents.Envelope(id, envelope.path("type").asString(""), envelope.path("subject").asString(""),
					time.isEmpty() ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time), envelope.path("data"));
		}
		catch (JacksonException | IllegalArgumentException | DateTimeParseException ex) {
			log.warn("Skipped a message of {} at offset {} for the audit: not an event envelope ({})", record.topic(), record.offset(),
					ex.toString());
			return null;
		}
	}

}
