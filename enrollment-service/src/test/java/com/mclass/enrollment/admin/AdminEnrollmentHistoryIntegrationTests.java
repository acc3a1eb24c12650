package com.mclass.enrollment.admin;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.mclass.enrollment.Api;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/admin/enrollments/{id}} and {@code …/history}: an enrollment and every decision on it. */
class AdminEnrollmentHistoryIntegrationTests extends EnrollmentIntegrationTest {

	final UUID adminId = UUID.randomUUID();

	final String admin = TestTokens.admin(this.adminId);

	@Test
	void theHistoryListsEveryTransitionInOrderWithItsActorAndReason() {
		UUID classId = this.classes.open(Classes.review(1));
		UUID studentId = UUID.randomUUID();
		UUID enrollmentId = UUID.fromString(enroll(classId, student(studentId), "{}").data().path("id").asString());
		decide(enrollmentId, "APPROVED", "서류 통과");
		decide(enrollmentId, "REJECTED", "불참 통보");

		Api.Response history = this.api.get("/api/admin/enrollments/" + enrollmentId + "/history").token(this.admin).send();

		assertThat(history.status()).as(history.body()).isEqualTo(200);
		JsonNode rows = history.data();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).path("from").isNull()).isTrue();
		assertThat(rows.get(0).path("to").asString()).isEqualTo("APPLIED");
		assertThat(rows.get(0).path("actorType").asString()).isEqualTo("USER");
		assertThat(rows.get(0).path("actorId").asString()).isEqualTo(studentId.toString());
		assertThat(rows.get(1).path("from").asString()).isEqualTo("APPLIED");
		assertThat(rows.get(1).path("to").asString()).isEqualTo("APPROVED");
		assertThat(rows.get(1).path("actorType").asString()).isEqualTo("ADMIN");
		assertThat(rows.get(1).path("actorId").asString()).isEqualTo(this.adminId.toString());
		assertThat(rows.get(1).path("reason").asString()).isEqualTo("서류 통과");
		assertThat(rows.get(2).path("to").asString()).isEqualTo("REJECTED");
		assertThat(rows.get(2).path("reason").asString()).isEqualTo("불참 통보");
		assertThat(rows.get(2).path("occurredAt").asString()).isGreaterThanOrEqualTo(rows.get(1).path("occurredAt").asString());

		JsonNode one = this.api.get("/api/admin/enrollments/" + enrollmentId).token(this.admin).send().data();
		assertThat(one.path("status").asString()).isEqualTo("REJECTED");
		assertThat(one.path("userId").asString()).isEqualTo(studentId.toString());
		assertThat(one.path("decidedBy").asString()).isEqualTo(this.adminId.toString());
		assertInvariants(classId);
	}

	@Test
	void anUnknownEnrollmentIsNotFoundForBothTheEnrollmentAndItsHistory() {
		UUID unknown = UUID.randomUUID();

		assertThat(this.api.get("/api/admin/enrollments/" + unknown).token(this.admin).send().errorCode()).isEqualTo("NOT_FOUND");
		Api.Response history = this.api.get("/api/admin/enrollments/" + unknown + "/history").token(this.admin).send();
		assertThat(history.status()).isEqualTo(404);
		assertThat(history.errorCode()).isEqualTo("NOT_FOUND");
	}

	@Test
	void aStudentMayReadNeitherTheirOwnEnrollmentsAdminViewNorItsHistory() {
		UUID classId = this.classes.open(Classes.firstCome(1, 0));
		UUID studentId = UUID.randomUUID();
		String enrollmentId = enroll(classId, student(studentId), "{}").data().path("id").asString();

		assertThat(this.api.get("/api/admin/enrollments/" + enrollmentId).token(student(studentId)).send().status()).isEqualTo(403);
		Api.Response history = this.api.get("/api/admin/enrollments/" + enrollmentId + "/history").token(student(studentId)).send();
		assertThat(history.status()).isEqualTo(403);
		assertThat(history.errorCode()).isEqualTo("FORBIDDEN");
	}

	private void decide(UUID enrollmentId, String status, String reason) {
		Api.Response decided = this.api.put("/api/admin/enrollments/" + enrollmentId)
			.token(this.admin)
			.json("{\"status\":\"" + status + "\",\"reason\":\"" + reason + "\"}")
			.send();
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
	}

}
