package com.mclass.enrollment.seat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import com.mclass.enrollment.Api;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.platform.test.KafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

/** class-service's events arriving on {@code mclass.class.events}, as the ledger applies them. */
class ClassEventsIntegrationTests extends EnrollmentIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void aCreatedClassOpensItsLedger() {
		Classes.Spec spec = Classes.firstCome(30, 10).selectionType("REVIEW").title("데이터베이스 튜닝");
		UUID classId = this.classes.open(spec);
		Map<String, Object> row = this.jdbc.queryForMap("SELECT c.title, c.class_version, c.deleted, l.* FROM class_snapshot c "
				+ "JOIN seat_ledger l ON l.class_id = c.class_id WHERE c.class_id = ?", classId);
		assertThat(row).containsEntry("title", "데이터베이스 튜닝")
			.containsEntry("selection_type", "REVIEW")
			.containsEntry("capacity", 30)
			.containsEntry("waitlist_capacity", 10)
			.containsEntry("allow_waitlist", true)
			.containsEntry("approved", 0)
			.containsEntry("class_version", 1L)
			.containsEntry("deleted", false);
	}

	@Test
	void theWaitlistModeAndOfferWindowFollowTheClassAndDefaultToAutoAndADay() {
		Classes.Spec spec = Classes.firstCome(2, 5).set("waitlistMode", "OFFER").set("offerWindowMinutes", 90);
		UUID classId = this.classes.open(spec);
		assertThat(this.jdbc.queryForMap("SELECT waitlist_mode, offer_window_minutes, offered FROM seat_ledger WHERE class_id = ?", classId))
			.containsEntry("waitlist_mode", "OFFER")
			.containsEntry("offer_window_minutes", 90)
			.containsEntry("offered", 0);

		this.classes.publish(UUID.randomUUID(), "ClassUpdated", classId, spec.set("waitlistMode", "LOTTERY").data(classId, 2));
		Classes.eventually(() -> Long.valueOf(2).equals(this.classes.classVersion(classId)));
		assertThat(this.jdbc.queryForObject("SELECT waitlist_mode FROM seat_ledger WHERE class_id = ?", String.class, classId))
			.as("a mode this service does not know is AUTO, not a dead letter").isEqualTo("AUTO");

		UUID older = this.classes.open(Classes.firstCome(2, 5));
		assertThat(this.jdbc.queryForMap("SELECT waitlist_mode, offer_window_minutes FROM seat_ledger WHERE class_id = ?", older))
			.as("an event without the settings").containsEntry("waitlist_mode", "AUTO").containsEntry("offer_window_minutes", 1440);
	}

	@Test
	void aRedeliveredEventIsAppliedOnce() {
		Classes.Spec spec = Classes.firstCome(1, 5);
		UUID classId = this.classes.open(spec);
		enroll(classId, student(UUID.randomUUID()), "{}");
		enroll(classId, student(UUID.randomUUID()), "{}");
		enroll(classId, student(UUID.randomUUID()), "{}");
		UUID eventId = UUID.randomUUID();
		String raised = spec.capacity(2).data(classId, 2);
		this.classes.publish(eventId, "ClassUpdated", classId, raised);
		this.classes.publish(eventId, "ClassUpdated", classId, raised);
		UUID marker = UUID.randomUUID();
		this.classes.publish(marker, "ClassUpdated", classId, spec.title("표식").data(classId, 2));
		Classes.eventually(() -> this.jdbc.queryForObject("SELECT count(*) FROM processed_class_event WHERE event_id = ?",
				Integer.class, marker) == 1);

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM processed_class_event WHERE event_id = ?", Integer.class, eventId))
			.isEqualTo(1);
		assertThat(promotions(classId)).isEqualTo(1);
		Ledger ledger = assertInvariants(classId);
		assertThat(ledger.capacity()).isEqualTo(2);
		assertThat(ledger.approved()).isEqualTo(2);
		assertThat(ledger.waitlisted()).isEqualTo(1);
	}

	@Test
	void anOlderVersionArrivingLateIsIgnored() {
		Classes.Spec spec = Classes.firstCome(10, 0);
		UUID classId = this.classes.open(spec);
		this.classes.publish(UUID.randomUUID(), "ClassUpdated", classId, spec.capacity(30).title("v3").data(classId, 3));
		this.classes.publish(UUID.randomUUID(), "ClassUpdated", classId, spec.capacity(20).title("v2").data(classId, 2));
		UUID marker = UUID.randomUUID();
		this.classes.publish(marker, "ClassUpdated", classId, spec.capacity(30).title("v3").data(classId, 3));
		Classes.eventually(() -> this.jdbc.queryForObject("SELECT count(*) FROM processed_class_event WHERE event_id = ?",
				Integer.class, marker) == 1);

		assertThat(this.classes.classVersion(classId)).isEqualTo(3L);
		assertThat(ledger(classId).capacity()).isEqualTo(30);
		assertThat(this.jdbc.queryForObject("SELECT title FROM class_snapshot WHERE class_id = ?", String.class, classId)).isEqualTo("v3");
	}

	@Test
	void raisingTheCapacityPromotesTheLongestWaitingInOrder() {
		Classes.Spec spec = Classes.firstCome(1, 5);
		UUID classId = this.classes.open(spec);
		List<UUID> enrollments = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			enrollments.add(UUID.fromString(enroll(classId, student(UUID.randomUUID()), "{}").data().path("id").asString()));
		}
		this.classes.publish(UUID.randomUUID(), "ClassUpdated", classId, spec.capacity(3).data(classId, 2));
		Classes.eventually(() -> ledger(classId).approved() == 3);

		assertThat(status(enrollments.get(1))).isEqualTo("APPROVED");
		assertThat(status(enrollments.get(2))).isEqualTo("APPROVED");
		assertThat(status(enrollments.get(3))).isEqualTo("WAITLISTED");
		assertThat(this.jdbc.queryForList("SELECT type FROM outbox_event WHERE message_key IN (?, ?) ORDER BY seq", String.class,
				enrollments.get(1).toString(), enrollments.get(2).toString()))
			.containsExactly("ENROLLMENT_WAITLISTED", "ENROLLMENT_WAITLISTED", "WAITLIST_PROMOTED", "WAITLIST_PROMOTED");
		assertInvariants(classId);
	}

	@Test
	void loweringTheCapacityBelowTheApprovedIsRefusedAndEveryoneKeepsTheirSeat() {
		Classes.Spec spec = Classes.firstCome(3, 2);
		UUID classId = this.classes.open(spec);
		for (int i = 0; i < 4; i++) {
			enroll(classId, student(UUID.randomUUID()), "{}");
		}
		double refusalsBefore = this.meters.counter("mclass.enrollment.capacity.refusals").count();
		UUID eventId = UUID.randomUUID();
		this.classes.publish(eventId, "ClassUpdated", classId, spec.capacity(1).title("줄어든 클래스").data(classId, 2));
		Classes.eventually(() -> Long.valueOf(2).equals(this.classes.classVersion(classId)));

		Ledger ledger = assertInvariants(classId);
		assertThat(ledger.capacity()).as("capacity kept").isEqualTo(3);
		assertThat(ledger.approved()).isEqualTo(3);
		assertThat(this.jdbc.queryForObject("SELECT title FROM class_snapshot WHERE class_id = ?", String.class, classId))
			.as("the rest of the update applied").isEqualTo("줄어든 클래스");
		Map<String, Object> refusal = this.jdbc.queryForMap("SELECT * FROM capacity_refusal WHERE class_id = ?", classId);
		assertThat(refusal).containsEntry("requested_capacity", 1).containsEntry("approved", 3).containsEntry("event_id", eventId);
		assertThat(this.meters.counter("mclass.enrollment.capacity.refusals").count()).isEqualTo(refusalsBefore + 1);
	}

	@Test
	void aDeletedClassTakesNoMoreEnrollments() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0));
		String token = student(UUID.randomUUID());
		assertThat(enroll(classId, token, "{}").status()).isEqualTo(201);
		this.classes.publish(UUID.randomUUID(), "ClassDeleted", classId,
				"{\"classId\":\"" + classId + "\",\"deletedAt\":\"2026-01-01T00:00:00Z\",\"version\":2}");
		Classes.eventually(() -> this.jdbc.queryForObject("SELECT deleted FROM class_snapshot WHERE class_id = ?", Boolean.class, classId));

		Api.Response refused = enroll(classId, student(UUID.randomUUID()), "{}");
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(this.api.get("/api/mclasses/" + classId + "/enrollments").token(token).send().data()).as("existing stay visible")
			.hasSize(1);
	}

	@Test
	void anUnreadableEventGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
		UUID classId = UUID.randomUUID();
		this.classes.publishRaw(classId.toString(), "{\"this is\": \"not an event\"");
		UUID next = this.classes.open(Classes.firstCome(2, 0));
		assertThat(this.classes.classVersion(next)).isEqualTo(1L);

		Map<String, Object> config = KafkaTestUtils.consumerProps(KafkaBroker.bootstrapServers(), "dlt-" + UUID.randomUUID());
		config.put("auto.offset.reset", "earliest");
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
				new StringDeserializer()).createConsumer()) {
			consumer.subscribe(List.of(Classes.TOPIC + ".DLT"));
			List<ConsumerRecord<String, String>> dead = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (dead.stream().noneMatch((record) -> classId.toString().equals(record.key())) && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
			}
			assertThat(dead).anySatisfy((record) -> assertThat(record.key()).isEqualTo(classId.toString()));
		}
	}

	private int promotions(UUID classId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM enrollment_history WHERE mclass_id = ? AND actor_type = 'SYSTEM'",
				Integer.class, classId);
	}

	private String status(UUID enrollmentId) {
		return this.jdbc.queryForObject("SELECT status FROM enrollment WHERE id = ?", String.class, enrollmentId);
	}

}
