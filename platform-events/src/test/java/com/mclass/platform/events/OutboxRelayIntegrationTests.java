package com.mclass.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.platform.test.KafkaBroker;
import com.mclass.platform.test.RealInfrastructure;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The relay runs under the test's control here (the context's own relay is switched off) so that outages and
 * competing replicas can be staged with real PostgreSQL and a real Kafka broker.
 */
@SpringBootTest(properties = { "spring.application.name=outbox-test", "mclass.outbox.relay-enabled=false" })
@RealInfrastructure(database = "mclass_outbox", kafka = true)
class OutboxRelayIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	Outbox outbox;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	KafkaProperties kafkaProperties;

	TransactionTemplate transactions;

	JdbcTemplate jdbc;

	String topic;

	List<OutboxRelay> relays = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.transactions = new TransactionTemplate(this.transactionManager);
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.jdbc.update("delete from outbox_event");
		this.topic = "outbox-test-" + UUID.randomUUID();
		KafkaBroker.get().addTopics(this.topic);
	}

	@AfterEach
	void stopRelays() {
		this.relays.forEach(OutboxRelay::stop);
	}

	@Test
	void appendOutsideATransactionIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> this.outbox.append(this.topic, "Tested", "a", 1, Map.of()));
	}

	@Test
	void rolledBackChangeLeavesNoEvent() {
		this.transactions.executeWithoutResult((status) -> {
			this.outbox.append(this.topic, "Tested", "a", 1, Map.of("n", 1));
			status.setRollbackOnly();
		});
		assertThat(this.jdbc.queryForObject("select count(*) from outbox_event", Integer.class)).isZero();
	}

	@Test
	void committedEventReachesKafkaAsAnEnvelopeKeyedBySubject() {
		UUID id = this.transactions.execute((status) -> this.outbox.append(this.topic, "ClassCreated", "class-1", 2, Map.of("title", "자바")));
		OutboxRelay relay = relay(KafkaBroker.bootstrapServers());
		assertThat(relay.relayOnce()).isEqualTo(1);

		List<ConsumerRecord<String, String>> records = consumeAll(1);
		assertThat(records).hasSize(1);
		ConsumerRecord<String, String> record = records.get(0);
		assertThat(record.key()).isEqualTo("class-1");
		JsonNode envelope = json.readTree(record.value());
		assertThat(envelope.path("id").asString()).isEqualTo(id.toString());
		assertThat(envelope.path("type").asString()).isEqualTo("ClassCreated");
		assertThat(envelope.path("source").asString()).isEqualTo("outbox-test");
		assertThat(envelope.path("specversion").asString()).isEqualTo("1.0");
		assertThat(envelope.path("dataversion").asInt()).isEqualTo(2);
		assertThat(envelope.path("data").path("title").asString()).isEqualTo("자바");
		assertThat(this.jdbc.queryForObject("select count(*) from outbox_event where published_at is null", Integer.class)).isZero();
	}

	@Test
	void eventsCommittedDuringAKafkaOutageAllGoOutOnceItReturns() {
		OutboxRelay cutOff = relay("127.0.0.1:1"); // nothing listens there: the broker is "down" for this relay
		for (int i = 0; i < 20; i++) {
			int n = i;
			this.transactions.executeWithoutResult((status) -> this.outbox.append(this.topic, "Tested", "k" + (n % 3), 1, Map.of("n", n)));
		}
		assertThatIllegalStateException().isThrownBy(cutOff::relayOnce);
		assertThat(this.jdbc.queryForObject("select count(*) from outbox_event where published_at is null", Integer.class)).isEqualTo(20);

		OutboxRelay healthy = relay(KafkaBroker.bootstrapServers());
		assertThat(healthy.relayOnce()).isEqualTo(20);
		List<ConsumerRecord<String, String>> records = consumeAll(20);
		assertThat(records).hasSize(20);
		assertThat(this.jdbc.queryForObject("select count(*) from outbox_event where published_at is null", Integer.class)).isZero();
	}

	@Test
	void competingReplicasPublishEveryEventOnceAndInAppendOrderPerKey() throws Exception {
		int events = 400;
		ExecutorService writers = Executors.newFixedThreadPool(8);
		List<Future<UUID>> appended = new ArrayList<>();
		for (int i = 0; i < events; i++) {
			int n = i;
			appended.add(writers.submit(() -> this.transactions
				.execute((status) -> this.outbox.append(this.topic, "Tested", "key-" + (n % 7), 1, Map.of("n", n)))));
		}
		Set<UUID> expected = new HashSet<>();
		for (Future<UUID> future : appended) {
			expected.add(future.get());
		}
		writers.shutdown();

		String bootstrap = KafkaBroker.bootstrapServers();
		OutboxRelay first = relay(bootstrap);
		OutboxRelay second = relay(bootstrap);
		first.start();
		second.start();

		List<ConsumerRecord<String, String>> records = consumeAll(events);
		List<UUID> received = records.stream().map((r) -> UUID.fromString(json.readTree(r.value()).path("id").asString())).toList();
		assertThat(received).hasSize(events).doesNotHaveDuplicates();
		assertThat(new HashSet<>(received)).isEqualTo(expected);

		// Within a key, Kafka order must follow the order in which the appends were sequenced.
		Map<UUID, Long> seqById = new HashMap<>();
		this.jdbc.query("select id, seq from outbox_event", (rs) -> {
			seqById.put(rs.getObject("id", UUID.class), rs.getLong("seq"));
		});
		Map<String, Long> lastSeqPerKey = new HashMap<>();
		for (ConsumerRecord<String, String> record : records) {
			long seq = seqById.get(UUID.fromString(json.readTree(record.value()).path("id").asString()));
			Long previous = lastSeqPerKey.put(record.key(), seq);
			assertThat(previous == null || previous < seq).as("order of key %s", record.key()).isTrue();
		}
	}

	private OutboxRelay relay(String bootstrapServers) {
		KafkaProperties properties = new KafkaProperties();
		properties.setBootstrapServers(List.of(bootstrapServers.split(",")));
		OutboxProperties settings = new OutboxProperties(true, Duration.ofMillis(50), 50, Duration.ofSeconds(3),
				Duration.ofMillis(200), Duration.ofDays(7));
		OutboxRelay relay = new OutboxAutoConfiguration.Relay().outboxRelay(this.dataSource, this.transactionManager,
				new org.springframework.beans.factory.support.StaticListableBeanFactory(Map.of("kafkaProperties", properties))
					.getBeanProvider(KafkaProperties.class),
				settings, new org.springframework.beans.factory.support.StaticListableBeanFactory(
						Map.of("meters", new SimpleMeterRegistry())).getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
		this.relays.add(relay);
		return relay;
	}

	private List<ConsumerRecord<String, String>> consumeAll(int expected) {
		Map<String, Object> config = KafkaTestUtils.consumerProps(KafkaBroker.bootstrapServers(), "outbox-test-" + UUID.randomUUID());
		config.put("auto.offset.reset", "earliest");
		List<ConsumerRecord<String, String>> all = new ArrayList<>();
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
				new StringDeserializer()).createConsumer()) {
			consumer.subscribe(List.of(this.topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (all.size() < expected && System.nanoTime() < deadline) {
				ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(200));
				batch.forEach(all::add);
			}
			// Give duplicates a chance to show up before asserting there are none.
			consumer.poll(Duration.ofMillis(500)).forEach(all::add);
		}
		return all;
	}

}
