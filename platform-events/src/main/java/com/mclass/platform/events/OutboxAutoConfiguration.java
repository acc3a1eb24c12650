package com.mclass.platform.events;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a service an {@link Outbox} to append to and, unless {@code mclass.outbox.relay-enabled=false}, the
 * {@link OutboxRelay} that publishes it.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class })
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Outbox outbox(DataSource dataSource, ObjectProvider<JsonMapper> jsonMapper, @Value("${spring.application.name}") String source,
			ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, @Lazy ObjectProvider<OutboxRelay> relay) {
		ObjectMapper json = jsonMapper.getIfAvailable(() -> JsonMapper.builder().findAndAddModules().build());
		return new Outbox(new JdbcTemplate(dataSource), json, source, () -> traceparent(tracer.getIfAvailable(), propagator.getIfAvailable()),
				() -> relay.ifAvailable(OutboxRelay::wakeUp), Clock.systemUTC());
	}

	/**
	 * The current span as a W3C {@code traceparent}, written by the tracing library's own propagator (the same one
	 * that writes the header on HTTP calls), so no hand-made format can drift from it.
	 */
	private static String traceparent(Tracer tracer, Propagator propagator) {
		if (tracer == null || propagator == null) {
			return null;
		}
		Span span = tracer.currentSpan();
		if (span == null || span.context().traceId() == null || span.context().traceId().isEmpty()) {
			return null;
		}
		Map<String, String> headers = new HashMap<>();
		propagator.inject(span.context(), headers, Map::put);
		return headers.get("traceparent");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "mclass.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
	static class Relay {

		@Bean
		@ConditionalOnMissingBean
		OutboxRelay outboxRelay(DataSource dataSource, PlatformTransactionManager transactionManager,
				ObjectProvider<KafkaProperties> kafkaProperties, OutboxProperties properties, ObjectProvider<MeterRegistry> meters) {
			Map<String, Object> producerConfig = new HashMap<>(
					kafkaProperties.getIfAvailable(KafkaProperties::new).buildProducerProperties());
			// Idempotent, fully acknowledged writes: a retried send never duplicates or reorders within a partition.
			producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
			producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
			// Bound every wait by the relay's send timeout, so an unreachable broker fails a batch instead of hanging it.
			int sendTimeout = (int) properties.sendTimeout().toMillis();
			producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout);
			producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, sendTimeout / 2));
			producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeout);
			producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
			TransactionTemplate transactions = new TransactionTemplate(transactionManager);
			return new OutboxRelay(new JdbcTemplate(dataSource), transactions,
					() -> new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer()), properties,
					meters.getIfAvailable(SimpleMeterRegistry::new), Clock.systemUTC());
		}

	}

}
