package com.mclass.classes.mclass;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import com.mclass.classes.Api;
import com.mclass.classes.ClassServiceIntegrationTest;
import com.mclass.platform.test.KafkaBroker;
import com.mclass.platform.test.TestTokens;

import static com.mclass.classes.ClassFixtures.form;
import static com.mclass.classes.ClassFixtures.recruitingClass;
import static com.mclass.classes.ClassFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/** Changes reach Kafka through the outbox: one event per change, keyed by the class id, in the documented shape. */
@ClassServiceIntegrationTest
class ClassEventsIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Consumer<String, String> consumer;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		Map<String, Object> config = KafkaTestUtils.consumerProps(KafkaBroker.bootstrapServers(), "class-events-" + UUID.randomUUID());
		config.put("auto.offset.reset", "earliest");
		this.consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer()).createConsumer();
		this.consumer.subscribe(List.of(ClassEvents.TOPIC));
	}

	@AfterEach
	void tearDown() {
		this.consumer.close();
	}

	@Test
	void creatingAClassPublishesExactlyOneClassCreatedKeyedByItsIdWithTheSeatFields() {
		Api.Reply created = this.api.post("/api/mclasses", Api.admin(), recruitingClass("이벤트 클래스"));
		UUID id = created.id();

		List<ConsumerRecord<String, String>> records = eventsOf(id, 1);

		assertThat(records).hasSize(1);
		ConsumerRecord<String, String> record = records.get(0);
		assertThat(record.key()).isEqualTo(id.toString());
		JsonNode event = Api.json.readTree(record.value());
		assertThat(event.path("type").asString()).isEqualTo("ClassCreated");
		assertThat(event.path("subject").asString()).isEqualTo(id.toString());
		assertThat(event.path("source").asString()).isEqualTo("class-service");
		assertThat(event.path("dataversion").asInt()).isEqualTo(1);
		assertThat(event.path("id").asString()).isNotBlank();
		JsonNode data = event.path("data");
		assertThat(data.path("classId").asString()).isEqualTo(id.toString());
		assertThat(data.path("title").asString()).isEqualTo("이벤트 클래스");
		assertThat(data.path("capacity").asInt()).isEqualTo(30);
		assertThat(data.path("waitlistCapacity").asInt()).isEqualTo(10);
		assertThat(data.path("allowWaitlist").asBoolean()).isTrue();
		assertThat(data.path("selectionType").asString()).isEqualTo("FIRST_COME");
		assertThat(data.path("visibility").asString()).isEqualTo("PUBLIC");
		assertThat(data.path("isOnline").isBoolean()).isTrue();
		assertThat(data.path("version").asLong()).isZero();
		assertThat(data.path("rushProtected").asBoolean(true)).as("waiting room off unless asked for").isFalse();
		assertThat(data.path("waitlistMode").asString()).as("freed seats are taken unless offers are asked for").isEqualTo("AUTO");
		assertThat(data.path("offerWindowMinutes").asInt()).as("24 h").isEqualTo(1440);
		for (String window : new String[] { "recruitStartAt", "recruitEndAt", "startAt", "endAt" }) {
			assertThat(data.path(window).asString()).as(window).isEqualTo(created.data().path(window).asString());
		}
	}

	@Test
	void updatesDeletionsAndFormsFollowInOrderOnTheClassKey() {
		UUID id = this.api.post("/api/mclasses", Api.admin(), recruitingClass("순서")).id();
		UUID editor = UUID.randomUUID();
		this.api.put("/api/mclasses/" + id, TestTokens.admin(editor), with(recruitingClass("순서 수정"), "capacity", 99, "version", 0));
		this.api.put("/api/mclasses/" + id + "/enrollment-form", Api.admin(), form("신청서"));
		this.api.delete("/api/mclasses/" + id, Api.admin());

		List<ConsumerRecord<String, String>> records = eventsOf(id, 4);

		assertThat(records).extracting((r) -> Api.json.readTree(r.value()).path("type").asString())
			.containsExactly("ClassCreated", "ClassUpdated", "EnrollmentFormPublished", "ClassDeleted");
		assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
		JsonNode updated = Api.json.readTree(records.get(1).value()).path("data");
		assertThat(updated.path("capacity").asInt()).isEqualTo(99);
		assertThat(updated.path("title").asString()).isEqualTo("순서 수정");
		assertThat(updated.path("version").asLong()).isEqualTo(1);
		assertThat(updated.path("updatedBy").asString()).as("who changed it, for the audit feed").isEqualTo(editor.toString());
		JsonNode published = Api.json.readTree(records.get(2).value()).path("data");
		assertThat(published.path("classId").asString()).isEqualTo(id.toString());
		assertThat(published.path("formVersion").asInt()).isEqualTo(1);
		assertThat(published.path("questions")).hasSize(4);
		assertThat(published.path("questions").get(3).path("type").asString()).isEqualTo("agreeTerms");
		JsonNode deleted = Api.json.readTree(records.get(3).value()).path("data");
		assertThat(deleted.path("classId").asString()).isEqualTo(id.toString());
		assertThat(deleted.path("version").asLong()).isEqualTo(2);
		assertThat(deleted.path("deletedAt").asString()).isNotBlank();
	}

	@Test
	void anAdminPutsAClassBehindTheWaitingRoomAndTakesItOutAgain() {
		Api.Reply created = this.api.post("/api/mclasses", Api.admin(), with(recruitingClass("대기열"), "rushProtected", true));
		UUID id = created.id();
		assertThat(created.data().path("rushProtected").asBoolean()).isTrue();
		Api.Reply updated = this.api.put("/api/mclasses/" + id, Api.admin(),
				with(recruitingClass("대기열"), "rushProtected", false, "version", 0));
		assertThat(updated.data().path("rushProtected").asBoolean(true)).isFalse();
		assertThat(this.api.get("/api/mclasses/" + id, null).data().path("rushProtected").asBoolean(true)).isFalse();

		List<ConsumerRecord<String, String>> records = eventsOf(id, 2);
		assertThat(Api.json.readTree(records.get(0).value()).path("data").path("rushProtected").asBoolean()).isTrue();
		assertThat(Api.json.readTree(records.get(1).value()).path("data").path("rushProtected").asBoolean(true)).isFalse();
	}

	@Test
	void anAdminSwitchesAClassToWaitlistOffersWithItsOwnWindow() {
		Api.Reply created = this.api.post("/api/mclasses", Api.admin(),
				with(recruitingClass("제안"), "waitlistMode", "OFFER", "offerWindowMinutes", 90));
		UUID id = created.id();
		assertThat(created.data().path("waitlistMode").asString()).isEqualTo("OFFER");
		assertThat(created.data().path("offerWindowMinutes").asInt()).isEqualTo(90);
		Api.Reply updated = this.api.put("/api/mclasses/" + id, Api.admin(), with(recruitingClass("제안"), "version", 0));
		assertThat(updated.data().path("waitlistMode").asString()).as("a full replacement: omitted is AUTO").isEqualTo("AUTO");
		assertThat(updated.data().path("offerWindowMinutes").asInt()).isEqualTo(1440);
		assertThat(this.api.get("/api/mclasses/" + id, null).data().path("waitlistMode").asString()).isEqualTo("AUTO");

		List<ConsumerRecord<String, String>> records = eventsOf(id, 2);
		JsonNode createdData = Api.json.readTree(records.get(0).value()).path("data");
		assertThat(createdData.path("waitlistMode").asString()).isEqualTo("OFFER");
		assertThat(createdData.path("offerWindowMinutes").asInt()).isEqualTo(90);
		JsonNode updatedData = Api.json.readTree(records.get(1).value()).path("data");
		assertThat(updatedData.path("waitlistMode").asString()).isEqualTo("AUTO");
		assertThat(updatedData.path("offerWindowMinutes").asInt()).isEqualTo(1440);
	}

	@Test
	void aRefusedChangePublishesNothing() {
		UUID id = this.api.post("/api/mclasses", Api.admin(), recruitingClass("거절")).id();
		assertThat(this.api.put("/api/mclasses/" + id, Api.admin(), with(recruitingClass("거절"), "version", 7)).status()).isEqualTo(409);
		assertThat(this.api.put("/api/mclasses/" + id + "/enrollment-form", Api.admin(), Map.of("title", "")).status()).isEqualTo(400);

		assertThat(eventsOf(id, 1)).extracting((r) -> Api.json.readTree(r.value()).path("type").asString()).containsExactly("ClassCreated");
	}

	/**
	 * The events keyed by {@code classId}, waiting until {@code expected} arrived and then a little longer, so that a
	 * duplicate would be seen.
	 */
	private List<ConsumerRecord<String, String>> eventsOf(UUID classId, int expected) {
		Predicate<ConsumerRecord<String, String>> ofClass = (record) -> classId.toString().equals(record.key());
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (found.size() < expected && System.nanoTime() < deadline) {
			this.consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
				if (ofClass.test(record)) {
					found.add(record);
				}
			});
		}
		long settle = System.nanoTime() + Duration.ofMillis(1_000).toNanos();
		while (System.nanoTime() < settle) {
			this.consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
				if (ofClass.test(record)) {
					found.add(record);
				}
			});
		}
		return found;
	}

}
