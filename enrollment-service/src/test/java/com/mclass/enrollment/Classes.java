package com.mclass.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Classes as class-service announces them: events on {@code mclass.class.events} (the real path into the ledger),
 * waited for until the ledger shows them.
 */
public final class Classes {

	public static final String TOPIC = "mclass.class.events";

	private final KafkaTemplate<Object, Object> kafka;

	private final JdbcTemplate jdbc;

	public Classes(KafkaTemplate<Object, Object> kafka, JdbcTemplate jdbc) {
		this.kafka = kafka;
		this.jdbc = jdbc;
	}

	public static Spec firstCome(int capacity, int waitlistCapacity) {
		return new Spec().capacity(capacity).waitlist(waitlistCapacity);
	}

	public static Spec review(int capacity) {
		return new Spec().capacity(capacity).waitlist(0).selectionType("REVIEW");
	}

	/** Announces a new class (and its form, if any) and waits until the ledger has both. */
	public UUID open(Spec spec) {
		UUID classId = UUID.randomUUID();
		publish(UUID.randomUUID(), "ClassCreated", classId, spec.data(classId, 1));
		await().atMost(Duration.ofSeconds(20)).until(() -> classVersion(classId) != null);
		if (spec.questions != null) {
			publishForm(classId, 1, spec.questions);
			await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(1).equals(formVersion(classId)));
		}
		return classId;
	}

	public void publishForm(UUID classId, int formVersion, String questionsJson) {
		publish(UUID.randomUUID(), "EnrollmentFormPublished", classId, "{\"classId\":\"" + classId + "\",\"formId\":\""
				+ UUID.randomUUID() + "\",\"formVersion\":" + formVersion + ",\"questions\":" + questionsJson + "}");
	}

	/** Sends one event to the class-events topic, keyed by the class id, in class-service's envelope. */
	public void publish(UUID eventId, String type, UUID classId, String dataJson) {
		String envelope = "{\"id\":\"" + eventId + "\",\"type\":\"" + type + "\",\"specversion\":\"1.0\",\"source\":\"class-service\","
				+ "\"subject\":\"" + classId + "\",\"time\":\"" + Instant.now() + "\",\"dataversion\":1,\"data\":" + dataJson + "}";
		publishRaw(classId.toString(), envelope);
	}

	public void publishRaw(String key, String message) {
		try {
			this.kafka.send(TOPIC, key, message).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish to " + TOPIC, ex);
		}
	}

	public Long classVersion(UUID classId) {
		List<Long> versions = this.jdbc.queryForList("SELECT class_version FROM class_snapshot WHERE class_id = ?", Long.class, classId);
		return versions.isEmpty() ? null : versions.get(0);
	}

	public Integer formVersion(UUID classId) {
		List<Integer> versions = this.jdbc.queryForList("SELECT form_version FROM class_snapshot WHERE class_id = ?", Integer.class,
				classId);
		return versions.isEmpty() ? null : versions.get(0);
	}

	/** Waits until {@code condition} holds, for effects of events. */
	public static void eventually(Supplier<Boolean> condition) {
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(condition::get);
	}

	/** A class to announce; recruiting now and starting next week unless told otherwise. */
	public static final class Spec {

		private final Map<String, Object> fields = new LinkedHashMap<>();

		private String questions;

		Spec() {
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			this.fields.put("title", "자바 동시성 클래스");
			this.fields.put("visibility", "PUBLIC");
			this.fields.put("selectionType", "FIRST_COME");
			this.fields.put("allowWaitlist", true);
			this.fields.put("recruitStartAt", now.minus(Duration.ofHours(1)).toString());
			this.fields.put("recruitEndAt", now.plus(Duration.ofDays(3)).toString());
			this.fields.put("startAt", now.plus(Duration.ofDays(7)).toString());
			this.fields.put("endAt", now.plus(Duration.ofDays(7)).plus(Duration.ofHours(2)).toString());
			this.fields.put("location", "서울 강남구 테헤란로 1");
			this.fields.put("isOnline", false);
		}

		public Spec capacity(int capacity) {
			return set("capacity", capacity);
		}

		public Spec waitlist(int waitlistCapacity) {
			return set("waitlistCapacity", waitlistCapacity).set("allowWaitlist", waitlistCapacity > 0);
		}

		public Spec selectionType(String selectionType) {
			return set("selectionType", selectionType);
		}

		public Spec recruiting(Instant from, Instant to) {
			return set("recruitStartAt", from.toString()).set("recruitEndAt", to.toString());
		}

		public Spec starting(Instant startAt) {
			return set("startAt", startAt.toString()).set("endAt", startAt.plus(Duration.ofHours(2)).toString());
		}

		public Spec title(String title) {
			return set("title", title);
		}

		/** The class's active form: a JSON array of form-rules questions. */
		public Spec form(String questionsJson) {
			this.questions = questionsJson;
			return this;
		}

		public Spec set(String field, Object value) {
			this.fields.put(field, value);
			return this;
		}

		public String data(UUID classId, long version) {
			StringBuilder json = new StringBuilder("{\"classId\":\"").append(classId).append('"');
			this.fields.forEach((name, value) -> json.append(",\"")
				.append(name)
				.append("\":")
				.append((value instanceof String) ? Api.json.writeValueAsString(value) : String.valueOf(value)));
			return json.append(",\"version\":").append(version).append('}').toString();
		}

		/** The data of class-service's seat-config answer for this class. */
		public String seatConfig(UUID classId, long version) {
			String data = data(classId, version);
			String form = (this.questions != null) ? ",\"deleted\":false,\"form\":{\"formId\":\"" + UUID.randomUUID()
					+ "\",\"version\":1,\"questions\":" + this.questions + "}" : ",\"deleted\":false,\"form\":null";
			return data.substring(0, data.length() - 1) + form + "}";
		}

	}

}
