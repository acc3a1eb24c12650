package com.mclass.notification.intake;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the enrollment and user topics as group {@code notification-service}. Values arrive as plain strings and
 * are parsed here, so a malformed message is this service's to judge (and dead-letter) rather than a deserializer
 * failure. Offsets are committed per record once it is handled or dead-lettered ({@code ack-mode: record}).
 */
@Component
class EventsListener {

	static final String ID = "notification-events";

	private final EventIntake intake;

	EventsListener(EventIntake intake) {
		this.intake = intake;
	}

	@KafkaListener(id = ID, idIsGroup = false,
			topics = { "${mclass.notification.topics.enrollment-events:mclass.enrollment.events}",
					"${mclass.notification.topics.user-events:mclass.user.events}" })
	void on(ConsumerRecord<String, String> record) {
		Header traceparent = record.headers().lastHeader("traceparent");
		this.intake.receive(record.topic(), record.value(),
				(traceparent != null) ? new String(traceparent.value(), StandardCharsets.US_ASCII) : null);
	}

}
