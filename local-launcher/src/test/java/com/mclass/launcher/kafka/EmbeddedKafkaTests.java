package com.mclass.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.mclass.launcher.net.LocalPorts;

class EmbeddedKafkaTests {

	@Test
	void carriesARecordThroughTheClassEventsTopicAndReleasesItsPortOnClose() throws Exception {
		int port = LocalPorts.freePort();
		try (EmbeddedKafka kafka = EmbeddedKafka.start(port)) {
			assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + port);
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
					ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
					ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
					ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
				producer.send(new ProducerRecord<>("mclass.class.events", "class-42", "{\"type\":\"ClassOpened\"}"))
					.get();
			}
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
					ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
					ConsumerConfig.GROUP_ID_CONFIG, "embedded-kafka-tests",
					ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
					ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
					ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
				consumer.subscribe(List.of("mclass.class.events"));
				ConsumerRecord<String, String> received = null;
				long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
				while (received == null && System.nanoTime() < deadline) {
					ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
					if (!records.isEmpty()) {
						received = records.iterator().next();
					}
				}
				assertThat(received).isNotNull();
				assertThat(received.key()).isEqualTo("class-42");
				assertThat(received.value()).isEqualTo("{\"type\":\"ClassOpened\"}");
			}
			assertThat(LocalPorts.isFree(port)).isFalse();
		}
		assertThat(LocalPorts.isFree(port)).isTrue();
	}

	@Test
	void aStoppedBrokerComesBackOnItsPortWithItsRecordsAndCommittedOffsets() throws Exception {
		try (EmbeddedKafka kafka = EmbeddedKafka.start(0)) {
			int port = kafka.port();
			send(kafka, "before");
			try (KafkaConsumer<String, String> consumer = consumer(kafka, "restart-tests")) {
				assertThat(poll(consumer)).containsExactly("before");
				consumer.commitSync();
			}

			kafka.stopBroker();
			assertThat(LocalPorts.isFree(port)).as("its listener is closed").isTrue();
			kafka.startBroker();

			assertThat(kafka.port()).isEqualTo(port);
			send(kafka, "after");
			try (KafkaConsumer<String, String> consumer = consumer(kafka, "restart-tests")) {
				assertThat(poll(consumer)).as("the committed offset survived").containsExactly("after");
			}
			try (KafkaConsumer<String, String> consumer = consumer(kafka, "restart-tests-new-group")) {
				assertThat(poll(consumer)).as("the records survived").containsExactly("before", "after");
			}
		}
	}

	private static void send(EmbeddedKafka kafka, String value) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			producer.send(new ProducerRecord<>("mclass.user.events", "one-key", value)).get();
		}
	}

	private static KafkaConsumer<String, String> consumer(EmbeddedKafka kafka, String group) {
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, group,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
		consumer.subscribe(List.of("mclass.user.events"));
		return consumer;
	}

	/** Everything there is to read now (one key: one partition, in order). */
	private static List<String> poll(KafkaConsumer<String, String> consumer) {
		List<String> values = new java.util.ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		long quietSince = 0;
		while (System.nanoTime() < deadline) {
			ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(300));
			records.forEach((record) -> values.add(record.value()));
			if (records.isEmpty() && !values.isEmpty()) {
				if (quietSince == 0) {
					quietSince = System.nanoTime();
				}
				else if (System.nanoTime() - quietSince > Duration.ofSeconds(1).toNanos()) {
					break;
				}
			}
			else {
				quietSince = 0;
			}
		}
		return values;
	}

	@Test
	void createsTheEventTopicsAndTheirDeadLetterTopicsOnAFreePort() throws Exception {
		try (EmbeddedKafka kafka = EmbeddedKafka.start(0)) {
			assertThat(kafka.port()).isPositive();
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
				Map<String, TopicDescription> topics = admin.describeTopics(Set.of("mclass.user.events",
						"mclass.class.events", "mclass.enrollment.events", "mclass.user.events.DLT",
						"mclass.class.events.DLT", "mclass.enrollment.events.DLT"))
					.allTopicNames()
					.get();
				Map<String, Integer> partitions = topics.values()
					.stream()
					.collect(Collectors.toMap(TopicDescription::name, (topic) -> topic.partitions().size()));
				assertThat(partitions).containsOnly(Map.entry("mclass.user.events", 3), Map.entry("mclass.class.events", 3),
						Map.entry("mclass.enrollment.events", 3), Map.entry("mclass.user.events.DLT", 1),
						Map.entry("mclass.class.events.DLT", 1), Map.entry("mclass.enrollment.events.DLT", 1));
			}
		}
	}

}
