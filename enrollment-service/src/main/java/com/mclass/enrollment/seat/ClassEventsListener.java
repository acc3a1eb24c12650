package com.mclass.enrollment.seat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Feeds the ledger from {@code mclass.class.events} (consumer group {@code enrollment-service}). The offset of a
 * record is committed once its transaction has committed ({@code ack-mode: record}).
 */
@Component
class ClassEventsListener {

	private final ApplyingClassEvents applying;

	private final JsonMapper json;

	ClassEventsListener(ApplyingClassEvents applying, JsonMapper json) {
		this.applying = applying;
		this.json = json;
	}

	@KafkaListener(id = "enrollment-class-events", idIsGroup = false, topics = "${mclass.enrollment.class-events-topic:mclass.class.events}")
	void on(ConsumerRecord<String, String> record) {
		this.applying.apply(ClassEvent.parse(this.json, record.value()));
	}

	@Configuration(proxyBeanMethods = false)
	static class ErrorHandling {

		/**
		 * A failure to apply (database unreachable, a lock timeout) is retried with growing pauses for as long as it
		 * takes, holding back the partition: a later event of the class must not overtake it. A message that can never
		 * be applied goes to {@code <topic>.DLT} at once, with the failure in its headers.
		 */
		@Bean
		CommonErrorHandler classEventsErrorHandler(KafkaOperations<Object, Object> kafka) {
			DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
					(record, failure) -> new TopicPartition(record.topic() + ".DLT", -1));
			ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
			backOff.setMaxInterval(30_000);
			DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
			handler.addNotRetryableExceptions(ClassEvent.MalformedClassEvent.class);
			return handler;
		}

	}

}
