package com.mclass.enrollment.enrollment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import com.mclass.enrollment.Api;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.platform.test.KafkaBroker;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every committed transition yields exactly one event id on {@code mclass.enrollment.events}, Kafka outage or not.
 * The outage is staged by holding the outbox relay's advisory lock from a separate session (platform-events lets one
 * relay publish at a time by that lock): for the service's relay that is the same as a broker it cannot reach — the
 * rows wait, enrolling carries on — and releasing it is the broker coming back.
 */
class EnrollmentEventsIntegrationTests extends EnrollmentIntegrationTest {

	private static final long RELAY_LOCK = 0x6d636c617373L;

	@Autowired
	Environment environment;

	@Test
	@Timeout(120)
	void everyCommittedTransitionReachesKafkaExactlyOnceEvenAfterAnOutage() throws Exception {
		UUID classId = this.classes.open(Classes.firstCome(3, 2));
		List<String> tokens = new ArrayList<>();
		List<UUID> enrollments = new ArrayList<>();
		try (Connection outage = DriverManager.getConnection(this.environment.getProperty("spring.datasource.url"),
				this.environment.getProperty("spring.datasource.username"), this.environment.getProperty("spring.datasource.password"));
				Statement statement = outage.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + RELAY_LOCK + ")");

			for (int i = 0; i < 6; i++) {
				String token = student(UUID.randomUUID());
				Api.Response response = enroll(classId, token, "{}");
				if (response.status() == 201) {
					tokens.add(token);
					enrollments.add(UUID.fromString(response.data().path("id").asString()));
				}
			}
			assertThat(enrollments).hasSize(5);
			cancel(classId, enrollments.get(0), tokens.get(0));
			cancel(classId, enrollments.get(1), tokens.get(1));
			UUID late = UUID.fromString(enroll(classId, student(UUID.randomUUID()), "{}").data().path("id").asString());
			assertThat(this.api.put("/api/admin/enrollments/" + late)
				.token(TestTokens.admin(UUID.randomUUID()))
				.json("{\"action\":\"REJECT\"}")
				.send()
				.status()).isEqualTo(200);

			assertThat(transitions(classId)).as("5 applied, 2 canceled, 2 promoted, 1 applied, 1 rejected").isEqualTo(11);
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND "
					+ "payload::jsonb -> 'data' ->> 'mclassId' = ?", Integer.class, classId.toString()))
				.as("held back during the outage").isEqualTo(11);
			statement.execute("SELECT pg_advisory_unlock(" + RELAY_LOCK + ")");
		}

		List<JsonNode> events = consume(classId, 11);
		List<String> ids = events.stream().map((event) -> event.path("id").asString()).toList();
		assertThat(ids).hasSize(11).doesNotHaveDuplicates();
		assertThat(new HashSet<>(ids)).isEqualTo(new HashSet<>(this.jdbc.queryForList(
				"SELECT id::text FROM outbox_event WHERE payload::jsonb -> 'data' ->> 'mclassId' = ?", String.class, classId.toString())));
		assertThat(events.stream().map((event) -> event.path("type").asString()).toList()).containsOnly("ENROLLMENT_APPROVED",
				"ENROLLMENT_WAITLISTED", "ENROLLMENT_CANCELED", "WAITLIST_PROMOTED", "ENROLLMENT_REJECTED");
		assertThat(events.stream().filter((event) -> event.path("type").asString().equals("WAITLIST_PROMOTED")).count()).isEqualTo(2);
	}

	private int transitions(UUID classId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM enrollment_history WHERE mclass_id = ?", Integer.class, classId);
	}

	/** Reads the whole topic from the start and keeps this class's events, waiting a little longer for duplicates. */
	private List<JsonNode> consume(UUID classId, int expected) {
		Map<String, Object> config = KafkaTestUtils.consumerProps(KafkaBroker.bootstrapServers(), "events-" + UUID.randomUUID());
		config.put("auto.offset.reset", "earliest");
		List<JsonNode> events = new ArrayList<>();
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
				new StringDeserializer()).createConsumer()) {
			consumer.subscribe(List.of("mclass.enrollment.events"));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (events.size() < expected && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> keep(record, classId, events));
			}
			consumer.poll(Duration.ofSeconds(1)).forEach((record) -> keep(record, classId, events));
		}
		return events;
	}

	private static void keep(ConsumerRecord<String, String> record, UUID classId, List<JsonNode> events) {
		JsonNode event = Api.json.readTree(record.value());
		if (event.path("data").path("mclassId").asString().equals(classId.toString())) {
			assertThat(record.key()).isEqualTo(event.path("subject").asString());
			events.add(event);
		}
	}

}
