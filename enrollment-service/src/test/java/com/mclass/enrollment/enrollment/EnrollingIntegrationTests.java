package com.mclass.enrollment.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.mclass.enrollment.Api;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.enrollment.Forms;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

class EnrollingIntegrationTests extends EnrollmentIntegrationTest {

	@Test
	void firstComeApprovesWhileSeatsRemainThenWaitlistsThenRefuses() {
		UUID classId = this.classes.open(Classes.firstCome(1, 1));
		Api.Response first = enroll(classId, student(UUID.randomUUID()), "{}");
		Api.Response second = enroll(classId, student(UUID.randomUUID()), "{}");
		Api.Response third = enroll(classId, student(UUID.randomUUID()), "{}");

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.data().path("status").asString()).isEqualTo("APPROVED");
		assertThat(first.data().path("decidedAt").isNull()).isFalse();
		assertThat(second.data().path("status").asString()).isEqualTo("WAITLISTED");
		assertThat(third.status()).isEqualTo(409);
		assertThat(third.errorCode()).isEqualTo("CLASS_FULL");
		assertThat(third.json().path("error").path("message").asString()).isEqualTo("정원과 대기 인원이 모두 마감되었습니다.");

		JsonNode availability = this.api.get("/api/mclasses/" + classId + "/availability").send().data();
		assertThat(availability.path("capacity").asInt()).isEqualTo(1);
		assertThat(availability.path("approved").asInt()).isEqualTo(1);
		assertThat(availability.path("waitlisted").asInt()).isEqualTo(1);
		assertThat(availability.path("seatsLeft").asInt()).isZero();
		assertThat(availability.path("waitlistLeft").asInt()).isZero();
		assertThat(availability.path("recruitState").asString()).isEqualTo("OPEN");
		assertInvariants(classId);
	}

	@Test
	void theEnrollmentKeepsTheShapeOfTheContract() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0).form(Forms.MOTIVATION_LEVEL_AGREEMENT));
		UUID userId = UUID.randomUUID();
		JsonNode enrollment = enroll(classId, student(userId), Forms.VALID_ANSWERS).data();

		assertThat(enrollment.propertyNames()).containsExactlyInAnyOrder("id", "mclassId", "userId", "status", "answers",
				"formVersion", "appliedAt", "decidedAt", "canceledAt", "reason", "offerExpiresAt");
		assertThat(enrollment.path("mclassId").asString()).isEqualTo(classId.toString());
		assertThat(enrollment.path("userId").asString()).isEqualTo(userId.toString());
		assertThat(enrollment.path("formVersion").asInt()).isEqualTo(1);
		assertThat(enrollment.path("answers").path("level").asString()).isEqualTo("중급");
		assertThat(enrollment.path("answers").path("agree").asBoolean()).isTrue();
	}

	@Test
	void reviewClassesTakeEveryValidApplicationAsApplied() {
		UUID classId = this.classes.open(Classes.review(1));
		for (int i = 0; i < 3; i++) {
			Api.Response response = enroll(classId, student(UUID.randomUUID()), "{}");
			assertThat(response.status()).isEqualTo(201);
			assertThat(response.data().path("status").asString()).isEqualTo("APPLIED");
			assertThat(response.data().path("decidedAt").isNull()).isTrue();
		}
		assertThat(assertInvariants(classId).applied()).isEqualTo(3);
	}

	@Test
	void aStudentWhoseSignUpIsIncompleteCannotEnroll() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0));
		Api.Response response = enroll(classId, TestTokens.forUser(UUID.randomUUID()).signupCompleted(false).sign(), "{}");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.errorCode()).isEqualTo("SIGNUP_INCOMPLETE");
		assertThat(countsByStatus(classId)).isEmpty();
	}

	@Test
	void enrollmentIsRefusedBeforeAndAfterTheRecruitWindow() {
		Instant now = Instant.now();
		UUID upcoming = this.classes.open(Classes.firstCome(5, 0).recruiting(now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))));
		UUID closed = this.classes.open(Classes.firstCome(5, 0).recruiting(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1))));

		Api.Response early = enroll(upcoming, student(UUID.randomUUID()), "{}");
		Api.Response late = this.api.post("/api/mclasses/" + closed + "/enrollments")
			.token(student(UUID.randomUUID()))
			.idempotencyKey(UUID.randomUUID().toString())
			.header("Accept-Language", "en")
			.json("{\"answers\":{}}")
			.send();

		assertThat(early.status()).isEqualTo(409);
		assertThat(early.errorCode()).isEqualTo("RECRUITMENT_NOT_OPEN");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.errorCode()).isEqualTo("RECRUITMENT_CLOSED");
		assertThat(late.json().path("error").path("message").asString()).isEqualTo("Recruitment for this class has ended.");
		assertThat(this.api.get("/api/mclasses/" + upcoming + "/availability").send().data().path("recruitState").asString())
			.isEqualTo("UPCOMING");
	}

	@Test
	void answersAreCheckedAgainstTheActiveFormNamingEachQuestionAtFault() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0).form(Forms.MOTIVATION_LEVEL_AGREEMENT));
		Api.Response response = enroll(classId, student(UUID.randomUUID()),
				"{\"motivation\":\"짧음\",\"level\":\"전문가\",\"agree\":false,\"bogus\":\"x\"}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("VALIDATION_FAILED");
		Map<String, String> reasons = reasons(response);
		assertThat(reasons).containsOnlyKeys("answers.motivation", "answers.level", "answers.agree", "answers.bogus");
		assertThat(reasons.get("answers.motivation")).isEqualTo("5자 이상이어야 합니다");
		assertThat(reasons.get("answers.level")).isEqualTo("제시된 선택지 중에서 골라야 합니다");
		assertThat(reasons.get("answers.agree")).isEqualTo("동의해야 합니다");
		assertThat(reasons.get("answers.bogus")).isEqualTo("이 신청서에 없는 질문입니다");

		Api.Response english = this.api.post("/api/mclasses/" + classId + "/enrollments")
			.token(student(UUID.randomUUID()))
			.idempotencyKey(UUID.randomUUID().toString())
			.header("Accept-Language", "en")
			.json("{\"answers\":{}}")
			.send();
		assertThat(reasons(english)).containsEntry("answers.motivation", "is required").containsEntry("answers.agree", "must be agreed to");
		assertThat(countsByStatus(classId)).isEmpty();
	}

	@Test
	void aClassWithoutAFormTakesEmptyAnswersAndNothingElse() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0));
		assertThat(this.api.post("/api/mclasses/" + classId + "/enrollments")
			.token(student(UUID.randomUUID()))
			.idempotencyKey(UUID.randomUUID().toString())
			.send()
			.status()).as("no body at all").isEqualTo(201);
		Api.Response extra = enroll(classId, student(UUID.randomUUID()), "{\"q1\":\"x\"}");
		assertThat(extra.status()).isEqualTo(400);
		assertThat(reasons(extra)).containsOnlyKeys("answers.q1");
	}

	@Test
	void aCanceledStudentMayApplyAgainButARejectedOneMayNot() {
		UUID classId = this.classes.open(Classes.review(5));
		UUID userId = UUID.randomUUID();
		String token = student(userId);
		UUID first = id(enroll(classId, token, "{}"));
		assertThat(enroll(classId, token, "{}").errorCode()).isEqualTo("ALREADY_ENROLLED");
		assertThat(cancel(classId, first, token).data().path("status").asString()).isEqualTo("CANCELED");

		UUID second = id(enroll(classId, token, "{}"));
		assertThat(second).isNotEqualTo(first);
		Api.Response rejected = this.api.put("/api/admin/enrollments/" + second)
			.token(TestTokens.admin(UUID.randomUUID()))
			.json("{\"action\":\"REJECT\",\"reason\":\"정원 대비 경력 부족\"}")
			.send();
		assertThat(rejected.data().path("status").asString()).isEqualTo("REJECTED");

		Api.Response again = enroll(classId, token, "{}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.errorCode()).isEqualTo("REAPPLY_AFTER_REJECTION");
		JsonNode mine = this.api.get("/api/mclasses/" + classId + "/enrollments").token(token).send().data();
		assertThat(mine).hasSize(2);
		assertThat(mine.get(0).path("status").asString()).isEqualTo("REJECTED");
		assertThat(mine.get(0).path("reason").asString()).isEqualTo("정원 대비 경력 부족");
		assertThat(mine.get(1).path("status").asString()).isEqualTo("CANCELED");
		assertInvariants(classId);
	}

	@Test
	void answersCanBeEditedWhileWaitingAgainstTheFormVersionTheyAnswered() {
		UUID classId = this.classes.open(Classes.firstCome(0, 5).form(Forms.MOTIVATION_LEVEL_AGREEMENT));
		String token = student(UUID.randomUUID());
		Api.Response waiting = enroll(classId, token, Forms.VALID_ANSWERS);
		assertThat(waiting.data().path("status").asString()).isEqualTo("WAITLISTED");
		UUID enrollmentId = id(waiting);

		// Version 2 asks something new; the enrollment still answers version 1.
		this.classes.publishForm(classId, 2, "[{\"id\":\"phone\",\"type\":\"phone\",\"label\":\"연락처\",\"required\":true}]");
		Classes.eventually(() -> Integer.valueOf(2).equals(this.classes.formVersion(classId)));
		Api.Response edited = this.api.put("/api/mclasses/" + classId + "/enrollments/" + enrollmentId)
			.token(token)
			.json("{\"answers\":{\"motivation\":\"마음이 바뀌어 다시 씁니다\",\"level\":\"고급\",\"agree\":true}}")
			.send();
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.data().path("answers").path("level").asString()).isEqualTo("고급");
		assertThat(edited.data().path("formVersion").asInt()).isEqualTo(1);

		Api.Response invalid = this.api.put("/api/mclasses/" + classId + "/enrollments/" + enrollmentId)
			.token(token)
			.json("{\"answers\":{\"phone\":\"010-1234-5678\"}}")
			.send();
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(reasons(invalid)).containsKeys("answers.motivation", "answers.phone");

		Api.Response newcomer = enroll(classId, student(UUID.randomUUID()), Forms.VALID_ANSWERS);
		assertThat(newcomer.status()).as("new applicants answer the active version").isEqualTo(400);
		assertThat(reasons(newcomer)).containsKey("answers.phone");
	}

	@Test
	void anApprovedEnrollmentCanNoLongerBeEdited() {
		UUID classId = this.classes.open(Classes.firstCome(1, 0));
		String token = student(UUID.randomUUID());
		UUID enrollmentId = id(enroll(classId, token, "{}"));
		Api.Response edited = this.api.put("/api/mclasses/" + classId + "/enrollments/" + enrollmentId)
			.token(token)
			.json("{\"answers\":{}}")
			.send();
		assertThat(edited.status()).isEqualTo(409);
		assertThat(edited.errorCode()).isEqualTo("ENROLLMENT_NOT_EDITABLE");
	}

	@Test
	void cancelingAfterTheClassStartedIsRefused() {
		Instant now = Instant.now();
		UUID classId = this.classes.open(Classes.firstCome(5, 0)
			.recruiting(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)))
			.starting(now.minus(Duration.ofMinutes(1))));
		String token = student(UUID.randomUUID());
		UUID enrollmentId = id(enroll(classId, token, "{}"));
		Api.Response canceled = cancel(classId, enrollmentId, token);
		assertThat(canceled.status()).isEqualTo(409);
		assertThat(canceled.errorCode()).isEqualTo("CANCEL_AFTER_START");
		assertThat(countsByStatus(classId)).containsExactlyEntriesOf(Map.of("APPROVED", 1));
	}

	@Test
	void cancelingTwiceIsRefusedTheSecondTime() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0));
		String token = student(UUID.randomUUID());
		UUID enrollmentId = id(enroll(classId, token, "{}"));
		Api.Response first = this.api.delete("/api/mclasses/" + classId + "/enrollments/" + enrollmentId)
			.token(token)
			.json("{\"reason\":\"일정이 겹쳐서\"}")
			.send();
		assertThat(first.data().path("reason").asString()).isEqualTo("일정이 겹쳐서");
		assertThat(first.data().path("canceledAt").isNull()).isFalse();
		assertThat(cancel(classId, enrollmentId, token).errorCode()).isEqualTo("TRANSITION_NOT_ALLOWED");
		assertInvariants(classId);
	}

	@Test
	void myEnrollmentsArePagedNewestFirstAndFilteredByStatus() {
		UUID userId = UUID.randomUUID();
		String token = student(userId);
		UUID firstClass = this.classes.open(Classes.firstCome(1, 0));
		UUID secondClass = this.classes.open(Classes.firstCome(0, 1));
		UUID thirdClass = this.classes.open(Classes.firstCome(1, 0));
		enroll(firstClass, token, "{}");
		enroll(secondClass, token, "{}");
		enroll(thirdClass, token, "{}");

		Api.Response page = this.api.get("/api/enrollments/my?page=0&size=2").token(token).send();
		assertThat(page.data()).hasSize(2);
		assertThat(page.data().get(0).path("mclassId").asString()).isEqualTo(thirdClass.toString());
		JsonNode meta = page.json().path("meta");
		assertThat(meta.path("page").asInt()).isZero();
		assertThat(meta.path("size").asInt()).isEqualTo(2);
		assertThat(meta.path("totalElements").asInt()).isEqualTo(3);
		assertThat(meta.path("totalPages").asInt()).isEqualTo(2);
		assertThat(this.api.get("/api/enrollments/my?page=1&size=2").token(token).send().data()).hasSize(1);

		JsonNode waitlisted = this.api.get("/api/enrollments/my?status=WAITLISTED").token(token).send().data();
		assertThat(waitlisted).hasSize(1);
		assertThat(waitlisted.get(0).path("mclassId").asString()).isEqualTo(secondClass.toString());
	}

	@Test
	void eventsNameTheStudentFromTheirTokenAndTheClassFromTheLedger() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0).title("리액트 입문"));
		UUID named = UUID.randomUUID();
		UUID plain = UUID.randomUUID();
		UUID namedEnrollment = id(enroll(classId, TestTokens.forUser(named).email("kim@mclass.test").name("김민지").locale("en").sign(), "{}"));
		UUID plainEnrollment = id(enroll(classId, TestTokens.forUser(plain).email("lee.jun@mclass.test").name(null).locale(null).sign(), "{}"));

		JsonNode event = event(namedEnrollment);
		assertThat(event.path("type").asString()).isEqualTo("ENROLLMENT_APPROVED");
		assertThat(event.path("subject").asString()).isEqualTo(namedEnrollment.toString());
		assertThat(event.path("dataversion").asInt()).isEqualTo(1);
		JsonNode data = event.path("data");
		assertThat(data.path("enrollmentId").asString()).isEqualTo(namedEnrollment.toString());
		assertThat(data.path("mclassId").asString()).isEqualTo(classId.toString());
		assertThat(data.path("userId").asString()).isEqualTo(named.toString());
		assertThat(data.path("status").asString()).isEqualTo("APPROVED");
		assertThat(data.path("previousStatus").isNull()).isTrue();
		assertThat(data.path("recipient").path("email").asString()).isEqualTo("kim@mclass.test");
		assertThat(data.path("recipient").path("name").asString()).isEqualTo("김민지");
		assertThat(data.path("recipient").path("locale").asString()).isEqualTo("en");
		assertThat(data.path("mclass").path("title").asString()).isEqualTo("리액트 입문");
		assertThat(data.path("mclass").path("location").asString()).isEqualTo("서울 강남구 테헤란로 1");
		assertThat(data.path("mclass").path("isOnline").asBoolean(true)).isFalse();
		assertThat(data.path("mclass").path("startAt").asString()).isNotBlank();
		assertThat(data.path("occurredAt").asString()).isNotBlank();

		JsonNode fallback = event(plainEnrollment).path("data").path("recipient");
		assertThat(fallback.path("name").asString()).isEqualTo("lee.jun");
		assertThat(fallback.path("locale").asString()).isEqualTo("ko");
	}

	@Test
	void outcomesTimingsAndSeatsAreScrapedByPrometheus() {
		UUID classId = this.classes.open(Classes.firstCome(1, 0));
		enroll(classId, student(UUID.randomUUID()), "{}");
		enroll(classId, student(UUID.randomUUID()), "{}");
		String scrape = this.management.get("/actuator/prometheus").send().body();
		assertThat(scrape).contains("mclass_enrollment_attempts_total{application=\"enrollment-service\",outcome=\"approved\"}")
			.contains("outcome=\"class_full\"")
			.contains("mclass_enrollment_enrolling_seconds{application=\"enrollment-service\",quantile=\"0.95\"}")
			.contains("mclass_outbox_lag_seconds")
			.contains("hikaricp_connections_active");
	}

	private JsonNode event(UUID enrollmentId) {
		return Api.json.readTree(this.jdbc.queryForObject("SELECT payload FROM outbox_event WHERE message_key = ? ORDER BY seq LIMIT 1",
				String.class, enrollmentId.toString()));
	}

	static UUID id(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isIn(200, 201);
		return UUID.fromString(response.data().path("id").asString());
	}

	static Map<String, String> reasons(Api.Response response) {
		Map<String, String> reasons = new java.util.LinkedHashMap<>();
		response.json().path("error").path("details").forEach((detail) -> reasons.put(detail.path("field").asString(),
				detail.path("reason").asString()));
		return reasons;
	}

}
