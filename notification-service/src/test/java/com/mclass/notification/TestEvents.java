package com.mclass.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.utils.ContainerTestUtils;

import com.mclass.platform.test.KafkaBroker;

/**
 * Events shaped exactly as the producers' contract says, published to the embedded broker as JSON strings.
 */
public final class TestEvents {

	public static final String ENROLLMENT_TOPIC = "mclass.enrollment.events";

	public static final String USER_TOPIC = "mclass.user.events";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static KafkaProducer<String, String> producer;

	private TestEvents() {
	}

	/** An enrollment event with every field the contract names, for a Korean recipient at a fresh address. */
	public static Event enrollment(String type, String status) {
		UUID enrollmentId = UUID.randomUUID();
		ObjectNode envelope = envelope(type, "enrollment-service", enrollmentId);
		ObjectNode data = envelope.putObject("data");
		data.put("enrollmentId", enrollmentId.toString());
		data.put("mclassId", UUID.randomUUID().toString());
		data.put("userId", UUID.randomUUID().toString());
		data.put("status", status);
		data.putNull("previousStatus");
		data.putNull("reason");
		ObjectNode recipient = data.putObject("recipient");
		recipient.put("email", freshAddress());
		recipient.put("name", "김학생");
		recipient.put("locale", "ko");
		ObjectNode mclass = data.putObject("mclass");
		mclass.put("title", "봄 도자기 클래스");
		mclass.put("startAt", "2025-03-01T05:00:00Z"); // 14:00 in Seoul
		mclass.put("endAt", "2025-03-01T07:00:00Z");
		mclass.put("location", "서울 성동구 공방");
		mclass.put("isOnline", false);
		data.put("occurredAt", "2025-02-20T01:00:00Z");
		return new Event(ENROLLMENT_TOPIC, enrollmentId.toString(), envelope);
	}

	public static Event user(String type) {
		UUID userId = UUID.randomUUID();
		ObjectNode envelope = envelope(type, "auth-service", userId);
		ObjectNode data = envelope.putObject("data");
		data.put("userId", userId.toString());
		data.put("email", freshAddress());
		data.put("name", "이사용자");
		return new Event(USER_TOPIC, userId.toString(), envelope);
	}

	public static String freshAddress() {
		return "u" + UUID.randomUUID().toString().substring(0, 13).replace("-", "") + "@test.mclass";
	}

	private static ObjectNode envelope(String type, String source, UUID subject) {
		ObjectNode envelope = json.createObjectNode();
		envelope.put("id", UUID.randomUUID().toString());
		envelope.put("type", type);
		envelope.put("specversion", "1.0");
		envelope.put("source", source);
		envelope.put("subject", subject.toString());
		envelope.put("time", "2025-02-20T01:00:00Z");
		envelope.put("dataversion", 1);
		return envelope;
	}

	/** Sends a raw value (the malformed cases need that) and waits for the broker's acknowledgement. */
	public static void publish(String topic, String key, String value, Map<String, String> headers) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
		headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.US_ASCII)));
		try {
			producer().send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish to " + topic, ex);
		}
	}

	private static synchronized KafkaProducer<String, String> producer() {
		if (producer == null) {
			Properties config = new Properties();
			config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
			config.put(ProducerConfig.ACKS_CONFIG, "all");
			config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
			producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
			KafkaProducer<String, String> created = producer;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> created.close(Duration.ofSeconds(1)), "test-producer-stop"));
		}
		return producer;
	}

	/** Blocks until the service's consumers own every partition of both topics, so a publish is consumed at once. */
	public static void awaitListening(KafkaListenerEndpointRegistry listeners) {
		ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("notification-events"), 6);
	}

	/**
	 * Blocks until notification-service's consumer group has committed every record published to the event topics so
	 * far: each was handled (inbox and outbox, or dead letter) — the event of a test and every copy of it.
	 */
	public static void awaitHandled() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(List.of(ENROLLMENT_TOPIC, USER_TOPIC))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.forEach((topic, description) -> description.partitions()
					.forEach((partition) -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
			Map<TopicPartition, Long> ends = new HashMap<>();
			admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("notification-service")
					.partitionsToOffsetAndMetadata()
					.get(10, TimeUnit.SECONDS);
				return ends.entrySet().stream().allMatch((end) -> end.getValue() == 0
						|| (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
			});
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not wait for the consumer group", ex);
		}
	}

	/** Every record on a dead-letter topic so far, read from the start without joining a group. */
	public static List<ConsumerRecord<String, String>> deadLetters(String topic) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

	/**
	 * The platform's topics as the local launcher and Terraform provision them: the event topics with three
	 * partitions, each with a one-partition dead-letter twin.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Topics {

		@Bean
		KafkaAdmin.NewTopics platformTopics() {
			return new KafkaAdmin.NewTopics(new NewTopic(ENROLLMENT_TOPIC, 3, (short) 1), new NewTopic(USER_TOPIC, 3, (short) 1),
					new NewTopic(ENROLLMENT_TOPIC + ".DLT", 1, (short) 1), new NewTopic(USER_TOPIC + ".DLT", 1, (short) 1));
		}

	}

	/** An event being built: its envelope can be bent field by field before it is published. */
	public record Event(String topic, String key, ObjectNode envelope) {

		public UUID id() {
			return UUID.fromString(this.envelope.path("id").asString());
		}

		public String recipient() {
			JsonNode data = this.envelope.path("data");
			return data.has("recipient") ? data.path("recipient").path("email").asString() : data.path("email").asString();
		}

		/** Sets (or, with {@code null}, nulls) a field by dotted path, e.g. {@code data.recipient.locale}. */
		public Event with(String path, Object value) {
			ObjectNode parent = parentOf(path);
			String field = path.substring(path.lastIndexOf('.') + 1);
			if (value == null) {
				parent.putNull(field);
			}
			else if (value instanceof Boolean flag) {
				parent.put(field, flag);
			}
			else if (value instanceof Integer number) {
				parent.put(field, number);
			}
			else {
				parent.put(field, value.toString());
			}
			return this;
		}

		public Event without(String path) {
			parentOf(path).remove(path.substring(path.lastIndexOf('.') + 1));
			return this;
		}

		public String json() {
			return json.writeValueAsString(this.envelope);
		}

		public Event publish() {
			return publish(Map.of());
		}

		public Event publish(Map<String, String> headers) {
			TestEvents.publish(this.topic, this.key, json(), headers);
			return this;
		}

		private ObjectNode parentOf(String path) {
			ObjectNode node = this.envelope;
			String[] parts = path.split("\\.");
			for (int i = 0; i < parts.length - 1; i++) {
				node = (ObjectNode) node.get(parts[i]);
			}
			return node;
		}

	}

}
