package com.mclass.enrollment.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.mclass.enrollment.Api;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.enrollment.RemoteServicesStub;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

class AdminIntegrationTests extends EnrollmentIntegrationTest {

	final UUID adminId = UUID.randomUUID();

	final String admin = TestTokens.admin(this.adminId);

	@AfterEach
	void servicesBackUp() {
		RemoteServicesStub.down(RemoteServicesStub.NOTIFICATION, false);
	}

	@Test
	void anAdminApprovesAReviewedApplicationWhileSeatsRemainAndIsToldWhenNoneDo() {
		UUID classId = this.classes.open(Classes.review(1));
		UUID first = id(enroll(classId, student(UUID.randomUUID()), "{}"));
		UUID second = id(enroll(classId, student(UUID.randomUUID()), "{}"));

		JsonNode approved = decide(first, "APPROVE", "서류 통과").data();
		assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.path("decidedBy").asString()).isEqualTo(this.adminId.toString());
		assertThat(approved.path("decidedAt").isNull()).isFalse();
		assertThat(approved.path("reason").asString()).isEqualTo("서류 통과");

		Api.Response full = decide(second, "APPROVE", null);
		assertThat(full.status()).isEqualTo(409);
		assertThat(full.errorCode()).isEqualTo("CLASS_FULL");
		assertThat(this.jdbc.queryForList("SELECT type FROM outbox_event WHERE message_key = ? ORDER BY seq", String.class,
				first.toString())).containsExactly("ENROLLMENT_APPLIED", "ENROLLMENT_APPROVED");
		assertThat(this.jdbc.queryForObject("SELECT actor_id FROM enrollment_history WHERE enrollment_id = ? AND to_status = 'APPROVED'",
				UUID.class, first)).isEqualTo(this.adminId);
		assertInvariants(classId);
	}

	@Test
	void anAdminWaitlistsOnlyWhenEverySeatIsTakenAndThereIsRoom() {
		UUID classId = this.classes.open(Classes.review(1).set("waitlistCapacity", 1).set("allowWaitlist", true));
		UUID first = id(enroll(classId, student(UUID.randomUUID()), "{}"));
		UUID second = id(enroll(classId, student(UUID.randomUUID()), "{}"));
		UUID third = id(enroll(classId, student(UUID.randomUUID()), "{}"));

		assertThat(decide(first, "WAITLIST", null).errorCode()).as("a seat is free: approve instead").isEqualTo("TRANSITION_NOT_ALLOWED");
		decide(first, "APPROVE", null);
		assertThat(decide(second, "WAITLIST", null).data().path("status").asString()).isEqualTo("WAITLISTED");
		assertThat(decide(third, "WAITLIST", null).errorCode()).isEqualTo("WAITLIST_FULL");

		// Rejecting the approved student frees the seat for the waiting one, in the same transaction.
		assertThat(decide(first, "REJECT", "불참 통보").data().path("status").asString()).isEqualTo("REJECTED");
		assertThat(this.jdbc.queryForObject("SELECT status FROM enrollment WHERE id = ?", String.class, second)).isEqualTo("APPROVED");
		assertThat(this.jdbc.queryForList("SELECT type FROM outbox_event WHERE message_key = ? ORDER BY seq", String.class,
				second.toString())).containsExactly("ENROLLMENT_APPLIED", "ENROLLMENT_WAITLISTED", "WAITLIST_PROMOTED");
		assertThat(decide(first, "APPROVE", null).errorCode()).as("rejected is final").isEqualTo("TRANSITION_NOT_ALLOWED");
		assertInvariants(classId);
	}

	@Test
	void anAdminListsEnrollmentsByClassStatusAndStudentInAWhitelistedOrder() {
		UUID classId = this.classes.open(Classes.firstCome(2, 2));
		UUID studentId = UUID.randomUUID();
		enroll(classId, student(studentId), "{}");
		for (int i = 0; i < 3; i++) {
			enroll(classId, student(UUID.randomUUID()), "{}");
		}

		Api.Response page = this.api.get("/api/admin/enrollments?mclassId=" + classId + "&size=3&sort=appliedAt,asc").token(this.admin).send();
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.data()).hasSize(3);
		assertThat(page.data().get(0).path("userId").asString()).isEqualTo(studentId.toString());
		assertThat(page.data().get(0).path("email").asString()).isEqualTo("user-" + studentId + "@test.mclass");
		assertThat(page.json().path("meta").path("totalElements").asInt()).isEqualTo(4);
		assertThat(page.json().path("meta").path("totalPages").asInt()).isEqualTo(2);

		assertThat(this.api.get("/api/admin/enrollments?mclassId=" + classId + "&status=WAITLISTED").token(this.admin).send().data())
			.hasSize(2);
		assertThat(this.api.get("/api/admin/enrollments?userId=" + studentId).token(this.admin).send().data()).hasSize(1);
		assertThat(this.api.get("/api/admin/enrollments?mclassId=" + classId + "&from=2000-01-01T00:00:00Z&to=2001-01-01T00:00:00Z")
			.token(this.admin)
			.send()
			.data()).isEmpty();

		Api.Response badSort = this.api.get("/api/admin/enrollments?sort=answers,desc").token(this.admin).send();
		assertThat(badSort.status()).isEqualTo(400);
		assertThat(badSort.json().path("error").path("details").get(0).path("field").asString()).isEqualTo("sort");
	}

	@Test
	void theCsvExportIsExcelReadyAndNeutralizesFormulas() throws Exception {
		String questions = """
				[{"id":"motivation","type":"textarea","label":"지원 동기","required":true},
				 {"id":"topics","type":"checkbox","label":"관심 주제","required":false,"options":["JVM","DB","=SUM(1)"]}]""";
		UUID classId = this.classes.open(Classes.firstCome(5, 0).form(questions));
		UUID studentId = UUID.randomUUID();
		assertThat(enroll(classId, TestTokens.forUser(studentId).name("=HYPERLINK(\"http://evil\")").sign(),
				"{\"motivation\":\"줄바꿈,\\n쉼표와 \\\"따옴표\\\"\",\"topics\":[\"JVM\",\"=SUM(1)\"]}").status()).isEqualTo(201);

		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/admin/mclasses/" + classId + "/enrollments.csv"))
				.header("Authorization", "Bearer " + this.admin)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).contains("attachment").contains(".csv"));
		byte[] bytes = response.body();
		assertThat(bytes[0]).isEqualTo((byte) 0xEF);
		assertThat(bytes[1]).isEqualTo((byte) 0xBB);
		assertThat(bytes[2]).isEqualTo((byte) 0xBF);
		String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		List<String> lines = List.of(csv.split("\r\n", -1));
		assertThat(lines.get(0)).isEqualTo("enrollmentId,userId,email,name,status,appliedAt,decidedAt,canceledAt,reason,formVersion,지원 동기,관심 주제");
		assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",")
			.contains(",\"줄바꿈,\n쉼표와 \"\"따옴표\"\"\",")
			.contains(",JVM; =SUM(1)")
			.contains(",APPROVED,")
			.endsWith("\r\n");
	}

	@Test
	void theDashboardAnswersEvenWhenAServiceIsDown() {
		UUID classId = this.classes.open(Classes.firstCome(4, 0).title("대시보드 클래스"));
		enroll(classId, student(UUID.randomUUID()), "{}");
		RemoteServicesStub.stats(RemoteServicesStub.AUTH, "{\"totalUsers\":1234}");
		RemoteServicesStub.stats(RemoteServicesStub.CLASS, "{\"totalClasses\":56}");
		RemoteServicesStub.stats(RemoteServicesStub.NOTIFICATION, "{\"pending\":2,\"failed\":1,\"sent\":40,\"oldestPendingAgeSeconds\":3.5}");
		JsonNode emails = this.api.get("/api/admin/dashboard").token(this.admin).send().data().path("emails");
		assertThat(emails.path("available").asBoolean()).isTrue();
		assertThat(emails.path("pending").asLong()).isEqualTo(2);
		assertThat(emails.path("failed").asLong()).isEqualTo(1);
		assertThat(emails.path("sent").asLong()).isEqualTo(40);
		RemoteServicesStub.down(RemoteServicesStub.NOTIFICATION, true);

		Api.Response response = this.api.get("/api/admin/dashboard").token(this.admin).send();
		assertThat(response.status()).isEqualTo(200);
		JsonNode dashboard = response.data();
		assertThat(dashboard.path("users").path("available").asBoolean()).isTrue();
		assertThat(dashboard.path("users").path("total").asLong()).isEqualTo(1234);
		assertThat(dashboard.path("classes").path("total").asLong()).isEqualTo(56);
		assertThat(dashboard.path("emails").path("available").asBoolean(true)).isFalse();
		assertThat(dashboard.path("emails").size()).isEqualTo(1);
		assertThat(dashboard.path("enrollmentsByStatus").path("APPROVED").asLong()).isPositive();
		assertThat(dashboard.path("totalEnrollments").asLong()).isPositive();
		assertThat(dashboard.path("outbox").has("pending")).isTrue();
		JsonNode fill = null;
		for (JsonNode candidate : dashboard.path("fillRates")) {
			if (candidate.path("mclassId").asString().equals(classId.toString())) {
				fill = candidate;
			}
		}
		assertThat(fill).isNotNull();
		assertThat(fill.path("fillRate").asDouble()).isEqualTo(0.25);
		assertThat(fill.path("recruitState").asString()).isEqualTo("OPEN");
		assertThat(dashboard.path("recruitingNow").findValuesAsString("mclassId")).contains(classId.toString());
	}

	@Test
	void aStudentCannotUseTheAdminEndpoints() {
		String token = student(UUID.randomUUID());
		assertThat(this.api.get("/api/admin/enrollments").token(token).send().errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.api.get("/api/admin/dashboard").token(token).send().status()).isEqualTo(403);
		assertThat(this.api.put("/api/admin/enrollments/" + UUID.randomUUID()).token(token).json("{\"action\":\"APPROVE\"}").send().status())
			.isEqualTo(403);
	}

	private Api.Response decide(UUID enrollmentId, String action, String reason) {
		String body = (reason != null) ? "{\"action\":\"" + action + "\",\"reason\":\"" + reason + "\"}" : "{\"action\":\"" + action + "\"}";
		return this.api.put("/api/admin/enrollments/" + enrollmentId).token(this.admin).json(body).send();
	}

	private static UUID id(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isIn(200, 201);
		return UUID.fromString(response.data().path("id").asString());
	}

}
