package com.mclass.enrollment.audit;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.mclass.enrollment.Api;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/admin/audit}: admins' enrollment decisions, class-service's capacity changes and auth-service's role
 * changes and disabled accounts in one feed, filtered, paged and exported as CSV.
 */
class AuditFeedIntegrationTests extends EnrollmentIntegrationTest {

	static final String USER_TOPIC = "mclass.user.events";

	final UUID adminId = UUID.randomUUID();

	final String admin = TestTokens.admin(this.adminId);

	@Test
	void anAdminsDecisionIsInTheFeedWithTheAdminAsActorButAStudentsOwnApplicationIsNot() {
		UUID classId = this.classes.open(Classes.review(1));
		UUID enrollmentId = UUID.fromString(enroll(classId, student(UUID.randomUUID()), "{}").data().path("id").asString());
		this.api.put("/api/admin/enrollments/" + enrollmentId).token(this.admin).json("{\"status\":\"APPROVED\",\"reason\":\"ok\"}").send();

		JsonNode entries = feed("subjectId=" + classId).data();

		assertThat(entries).hasSize(1);
		JsonNode decision = entries.get(0);
		assertThat(decision.path("type").asString()).isEqualTo("ENROLLMENT_STATUS_CHANGED");
		assertThat(decision.path("actorType").asString()).isEqualTo("ADMIN");
		assertThat(decision.path("actorId").asString()).isEqualTo(this.adminId.toString());
		assertThat(decision.path("subjectType").asString()).isEqualTo("ENROLLMENT");
		assertThat(decision.path("subjectId").asString()).isEqualTo(enrollmentId.toString());
		assertThat(decision.path("details").path("from").asString()).isEqualTo("APPLIED");
		assertThat(decision.path("details").path("to").asString()).isEqualTo("APPROVED");
		assertThat(decision.path("details").path("reason").asString()).isEqualTo("ok");
		assertThat(feed("actorId=" + this.adminId).data()).hasSize(1);
	}

	@Test
	void aCapacityChangeFromAClassEventIsRecordedOnceEvenWhenTheEventIsDeliveredTwice() {
		Classes.Spec spec = Classes.firstCome(2, 1);
		UUID classId = this.classes.open(spec);
		UUID eventId = UUID.randomUUID();
		UUID editor = UUID.randomUUID();
		spec.set("updatedBy", editor.toString());
		this.classes.publish(eventId, "ClassUpdated", classId, spec.capacity(5).data(classId, 2));
		this.classes.publish(eventId, "ClassUpdated", classId, spec.capacity(5).data(classId, 2));
		// A later edit that leaves the capacities alone is no capacity change.
		this.classes.publish(UUID.randomUUID(), "ClassUpdated", classId, spec.title("renamed").data(classId, 3));
		await().atMost(Duration.ofSeconds(20)).until(() -> Long.valueOf(3).equals(this.classes.classVersion(classId))
				&& Long.valueOf(3).equals(this.jdbc.queryForObject("SELECT max(class_version) FROM audit_class_capacity WHERE class_id = ?",
						Long.class, classId)));

		JsonNode entries = feed("type=CLASS_CAPACITY_CHANGED&subjectId=" + classId).data();

		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).path("subjectType").asString()).isEqualTo("CLASS");
		assertThat(entries.get(0).path("actorType").asString()).as("the admin the event names").isEqualTo("ADMIN");
		assertThat(entries.get(0).path("actorId").asString()).isEqualTo(editor.toString());
		assertThat(entries.get(0).path("details").path("fromCapacity").asInt()).isEqualTo(2);
		assertThat(entries.get(0).path("details").path("toCapacity").asInt()).isEqualTo(5);
		assertThat(entries.get(0).path("details").path("toWaitlistCapacity").asInt()).isEqualTo(1);
	}

	@Test
	void roleChangesAndDisabledAccountsFromUserEventsAreFilteredPagedAndDeduplicated() {
		UUID userId = UUID.randomUUID();
		Instant changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		UUID roleChange = UUID.randomUUID();
		publishUserEvent(roleChange, "UserRoleChanged", userId, changedAt, "\"previousRole\":\"USER\",\"role\":\"ADMIN\",\"disabled\":false");
		publishUserEvent(roleChange, "UserRoleChanged", userId, changedAt, "\"previousRole\":\"USER\",\"role\":\"ADMIN\",\"disabled\":false");
		publishUserEvent(UUID.randomUUID(), "UserDisabled", userId, changedAt.plusSeconds(1), "\"previousRole\":\"ADMIN\",\"role\":\"ADMIN\",\"disabled\":true");
		publishUserEvent(UUID.randomUUID(), "UserRegistered", userId, changedAt, "\"name\":\"not audited\"");
		await().atMost(Duration.ofSeconds(20)).until(() -> feed("subjectId=" + userId).json().path("meta").path("totalElements").asInt() == 2);

		Api.Response first = feed("subjectId=" + userId + "&size=1&page=0");
		Api.Response second = feed("subjectId=" + userId + "&size=1&page=1");

		assertThat(first.json().path("meta").path("totalPages").asInt()).isEqualTo(2);
		assertThat(first.data().get(0).path("type").asString()).as("newest first").isEqualTo("USER_DISABLED");
		assertThat(second.data().get(0).path("type").asString()).isEqualTo("USER_ROLE_CHANGED");
		assertThat(second.data().get(0).path("actorId").asString()).isEqualTo(this.adminId.toString());
		assertThat(second.data().get(0).path("details").path("fromRole").asString()).isEqualTo("USER");
		assertThat(second.data().get(0).path("details").path("toRole").asString()).isEqualTo("ADMIN");
		assertThat(second.data().get(0).path("occurredAt").asString()).isEqualTo(changedAt.toString());
		assertThat(feed("subjectId=" + userId + "&type=USER_DISABLED").data()).hasSize(1);
		assertThat(feed("subjectId=" + userId + "&type=USER_DISABLED,USER_ROLE_CHANGED").data()).hasSize(2);
		assertThat(feed("subjectId=" + userId + "&from=" + changedAt.plusMillis(500)).data()).hasSize(1);
		assertThat(feed("subjectId=" + userId + "&to=" + changedAt.plusMillis(500)).data()).hasSize(1);
		assertThat(feed("subjectId=" + userId + "&actorId=" + UUID.randomUUID()).data()).isEmpty();
	}

	@Test
	void theCsvExportStreamsEveryMatchingEntryAndParsesBack() throws IOException {
		UUID userId = UUID.randomUUID();
		Instant changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		publishUserEvent(UUID.randomUUID(), "UserRoleChanged", userId, changedAt, "\"previousRole\":\"USER\",\"role\":\"ADMIN\",\"disabled\":false");
		publishUserEvent(UUID.randomUUID(), "UserDisabled", userId, changedAt.plusSeconds(1), "\"previousRole\":\"ADMIN\",\"role\":\"ADMIN\",\"disabled\":true");
		await().atMost(Duration.ofSeconds(20)).until(() -> feed("subjectId=" + userId).data().size() == 2);

		Api.Response byParameter = feed("subjectId=" + userId + "&format=csv&size=1");
		Api.Response byAccept = this.api.get("/api/admin/audit?subjectId=" + userId).token(this.admin).header("Accept", "text/csv").send();

		for (Api.Response csv : List.of(byParameter, byAccept)) {
			assertThat(csv.status()).as(csv.body()).isEqualTo(200);
			assertThat(csv.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
			List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(new StringReader(csv.body().substring(1))) // the byte-order mark
				.getRecords();
			assertThat(rows).as("paging does not apply to the export").hasSize(2);
			assertThat(rows.get(0).get("type")).isEqualTo("USER_DISABLED");
			assertThat(rows.get(1).get("type")).isEqualTo("USER_ROLE_CHANGED");
			assertThat(rows.get(1).get("actorId")).isEqualTo(this.adminId.toString());
			assertThat(rows.get(1).get("subjectId")).isEqualTo(userId.toString());
			assertThat(rows.get(1).get("occurredAt")).isEqualTo(changedAt.toString());
			assertThat(rows.get(1).get("details")).contains("fromRole=USER").contains("toRole=ADMIN");
		}
	}

	@Test
	void onlyAdminsReadTheFeedAndABadFilterIsRefusedNamingIt() {
		assertThat(this.api.get("/api/admin/audit").token(student(UUID.randomUUID())).send().status()).isEqualTo(403);
		Api.Response badType = feed("type=NOT_A_TYPE");
		assertThat(badType.status()).isEqualTo(400);
		assertThat(badType.body()).contains("type");
		Api.Response badFormat = feed("format=xml");
		assertThat(badFormat.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(badFormat.body()).contains("format");
		assertThat(feed("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").status()).isEqualTo(400);
		assertThat(feed("size=0").status()).isEqualTo(400);
	}

	private Api.Response feed(String query) {
		return this.api.get("/api/admin/audit?" + query).token(this.admin).send();
	}

	private void publishUserEvent(UUID eventId, String type, UUID userId, Instant time, String moreData) {
		String envelope = "{\"id\":\"" + eventId + "\",\"type\":\"" + type + "\",\"specversion\":\"1.0\",\"source\":\"auth-service\","
				+ "\"subject\":\"" + userId + "\",\"time\":\"" + time + "\",\"dataversion\":1,\"data\":{\"userId\":\"" + userId
				+ "\",\"email\":\"someone@example.com\",\"changedBy\":\"" + this.adminId + "\"," + moreData + "}}";
		try {
			this.kafka.send(USER_TOPIC, userId.toString(), envelope).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
