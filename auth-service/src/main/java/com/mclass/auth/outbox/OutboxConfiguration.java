package com.mclass.auth.outbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

	@Bean
	Outbox outbox(JdbcClient jdbc, JsonMapper json, @Value("${spring.application.name}") String source,
			ObjectProvider<Tracer> tracer, @Lazy ObjectProvider<OutboxRelay> relay, Clock clock) {
		return new Outbox(jdbc, json, source, () -> traceparent(tracer.getIfAvailable()),
				() -> relay.ifAvailable(OutboxRelay::wakeUp), clock);
	}

	@Bean
	@ConditionalOnProperty(name = "mclass.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
	OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaProperties kafka, OutboxProperties properties,
			MeterRegistry meters, Clock clock) {
		Map<String, Object> producerConfig = new HashMap<>(kafka.buildProducerProperties());
		// Idempotent, fully acknowledged writes: a retried send never duplicates or reorders within a partition.
		producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
		// Bound every wait by the send timeout, so an unreachable broker fails a batch instead of hanging the relay.
		int sendTimeout = (int) properties.sendTimeout().toMillis();
		producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout);
		producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, sendTimeout / 2));
		producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeout);
		producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
		return new OutboxRelay(jdbc, transactions, producer, properties, meters, clock);
	}

	/** W3C trace context of the span the event is appended in, so the trace continues through Kafka. */
	private static String traceparent(Tracer tracer) {
		if (tracer == null) {
			return null;
		}
		Span span = tracer.currentSpan();
		if (span == null || span.context().traceId() == null || span.context().traceId().isEmpty()) {
			return null;
		}
		boolean sampled = Boolean.TRUE.equals(span.context().sampled());
		return "00-" + span.context().traceId() + "-" + span.context().spanId() + (sampled ? "-01" : "-00");
	}

}
