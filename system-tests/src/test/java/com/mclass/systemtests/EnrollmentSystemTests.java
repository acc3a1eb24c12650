package com.mclass.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The student's journey end to end, through the gateway only: register, browse, read the form, enroll, see the
 * status, cancel; the next waitlisted student is promoted (or offered the seat, to accept or decline), and the emails
 * land in the mail sink.
 */
@ExtendWith(RunningPlatform.class)
class EnrollmentSystemTests {

	@Test
	void aCancellationPromotesTheNextWaitlistedStudentAndEveryoneGetsTheirMail(Gateway gateway, MailInbox inbox) {
		String admin = Accounts.adminToken(gateway);
		String classId = createClass(gateway, admin, 1, 1);

		JsonNode first = Accounts.registerStudent(gateway, "첫째");
		JsonNode second = Accounts.registerStudent(gateway, "둘째");
		JsonNode third = Accounts.registerStudent(gateway, "셋째");

		JsonNode form = gateway.get("/api/mclasses/" + classId + "/enrollment-form", Map.of()).json().path("data");
		String answers = "{\"answers\":{\"phone\":\"010-1234-5678\",\"agree\":true}}";
		assertThat(form.path("questions").findValuesAsString("id")).containsExactly("phone", "agree");

		Gateway.Reply approved = enroll(gateway, classId, first, answers, UUID.randomUUID().toString());
		assertThat(approved.status()).as(approved.body()).isEqualTo(201);
		assertThat(approved.json().path("data").path("status").asString()).isEqualTo("APPROVED");
		Gateway.Reply waitlisted = enroll(gateway, classId, second, answers, UUID.randomUUID().toString());
		assertThat(waitlisted.json().path("data").path("status").asString()).isEqualTo("WAITLISTED");
		Gateway.Reply full = enroll(gateway, classId, third, answers, UUID.randomUUID().toString());
		assertThat(full.status()).isEqualTo(409);
		assertThat(full.json().path("error").path("code").asString()).isEqualTo("CLASS_FULL");

		String enrollmentId = approved.json().path("data").path("id").asString();
		Gateway.Reply canceled = gateway.delete("/api/mclasses/" + classId + "/enrollments/" + enrollmentId,
				Gateway.bearer(first.path("accessToken").asString()));
		assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);

		Gateway.Reply mine = gateway.get("/api/mclasses/" + classId + "/enrollments", Gateway.bearer(second.path("accessToken").asString()));
		assertThat(mine.json().path("data").findValuesAsString("status")).containsExactly("APPROVED");
		JsonNode availability = gateway.get("/api/mclasses/" + classId + "/availability", Map.of()).json().path("data");
		assertThat(availability.path("approved").asInt()).isEqualTo(1);
		assertThat(availability.path("waitlisted").asInt()).isZero();

		String secondEmail = second.path("user").path("email").asString();
		String firstEmail = first.path("user").path("email").asString();
		// welcome, waitlisted, promoted for the second student; welcome, approved, canceled for the first
		JsonNode mails = eventually(() -> inbox.messages().json(),
				(all) -> countTo(all, secondEmail) >= 3 && countTo(all, firstEmail) >= 3, Duration.ofSeconds(20));
		assertThat(countTo(mails, secondEmail)).isEqualTo(3);
		assertThat(countTo(mails, firstEmail)).isEqualTo(3);
	}

	@Test
	void aDeclinedSeatOfferGoesToTheNextInLineWhoAcceptsItAndEveryoneGetsTheirMail(Gateway gateway, MailInbox inbox) {
		String admin = Accounts.adminToken(gateway);
		String classId = createClass(gateway, admin, 1, 2, ",\"waitlistMode\":\"OFFER\",\"offerWindowMinutes\":60");
		String answers = "{\"answers\":{\"phone\":\"010-1234-5678\",\"agree\":true}}";
		JsonNode first = Accounts.registerStudent(gateway, "첫째");
		JsonNode second = Accounts.registerStudent(gateway, "둘째");
		JsonNode third = Accounts.registerStudent(gateway, "셋째");
		Gateway.Reply approved = enroll(gateway, classId, first, answers, UUID.randomUUID().toString());
		assertThat(approved.status()).as(approved.body()).isEqualTo(201);
		String secondEnrollment = enroll(gateway, classId, second, answers, UUID.randomUUID().toString()).json().path("data").path("id").asString();
		String thirdEnrollment = enroll(gateway, classId, third, answers, UUID.randomUUID().toString()).json().path("data").path("id").asString();

		assertThat(gateway.delete("/api/mclasses/" + classId + "/enrollments/" + approved.json().path("data").path("id").asString(),
				Gateway.bearer(first.path("accessToken").asString())).status()).isEqualTo(200);
		JsonNode offered = gateway.get("/api/mclasses/" + classId + "/enrollments", Gateway.bearer(second.path("accessToken").asString()))
			.json().path("data").get(0);
		assertThat(offered.path("status").asString()).isEqualTo("OFFERED");
		assertThat(Instant.parse(offered.path("offerExpiresAt").asString())).isAfter(Instant.now().plus(Duration.ofMinutes(55)));

		Gateway.Reply declined = gateway.post("/api/mclasses/" + classId + "/enrollments/" + secondEnrollment + "/decline",
				"{\"reason\":\"일정이 겹쳐요\"}", Gateway.bearer(second.path("accessToken").asString()));
		assertThat(declined.status()).as(declined.body()).isEqualTo(200);
		assertThat(declined.json().path("data").path("status").asString()).isEqualTo("CANCELED");
		Gateway.Reply notMine = gateway.post("/api/mclasses/" + classId + "/enrollments/" + thirdEnrollment + "/accept", "{}",
				Gateway.bearer(second.path("accessToken").asString()));
		assertThat(notMine.status()).isEqualTo(404);
		Gateway.Reply accepted = gateway.post("/api/mclasses/" + classId + "/enrollments/" + thirdEnrollment + "/accept", "{}",
				Gateway.bearer(third.path("accessToken").asString()));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().path("data").path("status").asString()).isEqualTo("APPROVED");
		Gateway.Reply again = gateway.post("/api/mclasses/" + classId + "/enrollments/" + thirdEnrollment + "/accept", "{}",
				Gateway.bearer(third.path("accessToken").asString()));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("error").path("code").asString()).isEqualTo("NOT_OFFERED");
		JsonNode availability = gateway.get("/api/mclasses/" + classId + "/availability", Map.of()).json().path("data");
		assertThat(availability.path("approved").asInt()).isEqualTo(1);
		assertThat(availability.path("offered").asInt()).isZero();

		String secondEmail = second.path("user").path("email").asString();
		String thirdEmail = third.path("user").path("email").asString();
		// welcome, waitlisted, offered, declined for the second student; welcome, waitlisted, offered, approved for the third
		JsonNode mails = eventually(() -> inbox.messages().json(),
				(all) -> countTo(all, secondEmail) >= 4 && countTo(all, thirdEmail) >= 4, Duration.ofSeconds(20));
		assertThat(countTo(mails, secondEmail)).isEqualTo(4);
		assertThat(countTo(mails, thirdEmail)).isEqualTo(4);
	}

	@Test
	void retryingWithTheSameKeyReplaysTheOriginalAnswer(Gateway gateway) {
		String classId = createClass(gateway, Accounts.adminToken(gateway), 5, 0);
		JsonNode student = Accounts.registerStudent(gateway, "넷째");
		String key = UUID.randomUUID().toString();
		String answers = "{\"answers\":{\"phone\":\"010-2222-3333\",\"agree\":true}}";
		Gateway.Reply original = enroll(gateway, classId, student, answers, key);
		Gateway.Reply replay = enroll(gateway, classId, student, answers, key);
		assertThat(replay.status()).isEqualTo(original.status()).isEqualTo(201);
		assertThat(replay.body()).isEqualTo(original.body());
		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");

		Gateway.Reply reused = enroll(gateway, classId, student, "{\"answers\":{\"phone\":\"010-9999-9999\",\"agree\":true}}", key);
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.json().path("error").path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void invalidAnswersNameEachQuestionAtFault(Gateway gateway) {
		String classId = createClass(gateway, Accounts.adminToken(gateway), 5, 0);
		JsonNode student = Accounts.registerStudent(gateway, "다섯째");
		Gateway.Reply reply = enroll(gateway, classId, student, "{\"answers\":{\"phone\":\"12\",\"agree\":false}}",
				UUID.randomUUID().toString());
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("error").path("details").findValuesAsString("field")).containsExactlyInAnyOrder("answers.phone",
				"answers.agree");
	}

	@Test
	void theAdminDashboardGathersEveryService(Gateway gateway) {
		Gateway.Reply reply = gateway.get("/api/admin/dashboard", Gateway.bearer(Accounts.adminToken(gateway)));
		assertThat(reply.status()).isEqualTo(200);
		JsonNode dashboard = reply.json().path("data");
		assertThat(dashboard.path("users").path("available").asBoolean()).isTrue();
		assertThat(dashboard.path("classes").path("available").asBoolean()).isTrue();
		assertThat(dashboard.path("emails").path("available").asBoolean()).isTrue();
	}

	private static Gateway.Reply enroll(Gateway gateway, String classId, JsonNode student, String answers, String key) {
		return gateway.post("/api/mclasses/" + classId + "/enrollments", answers,
				Map.of("Authorization", "Bearer " + student.path("accessToken").asString(), "Idempotency-Key", key));
	}

	private static String createClass(Gateway gateway, String admin, int capacity, int waitlist) {
		return createClass(gateway, admin, capacity, waitlist, "");
	}

	/** @param moreFields further JSON members of the class, each starting with a comma */
	private static String createClass(Gateway gateway, String admin, int capacity, int waitlist, String moreFields) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Gateway.Reply created = gateway.post("/api/mclasses", """
				{"title":"시스템 테스트 클래스 %s","description":"","capacity":%d,"waitlistCapacity":%d,"allowWaitlist":%s,
				 "visibility":"PUBLIC","selectionType":"FIRST_COME","isOnline":false,"location":"서울","fee":10000,
				 "recruitStartAt":"%s","recruitEndAt":"%s","startAt":"%s","endAt":"%s"%s}"""
			.formatted(UUID.randomUUID(), capacity, waitlist, waitlist > 0, now.minus(1, ChronoUnit.HOURS),
					now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS), now.plus(3, ChronoUnit.DAYS), moreFields),
				Gateway.bearer(admin));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String classId = created.json().path("data").path("id").asString();
		Gateway.Reply form = gateway.put("/api/mclasses/" + classId + "/enrollment-form", """
				{"title":"신청서","description":"","questions":[
				  {"id":"phone","type":"phone","label":"연락처","required":true},
				  {"id":"agree","type":"agreeTerms","label":"개인정보 수집 동의","required":true}]}""", Gateway.bearer(admin));
		assertThat(form.status()).as(form.body()).isIn(200, 201);
		return classId;
	}

	private static long countTo(JsonNode mails, String address) {
		long count = 0;
		for (JsonNode message : mails.path("messages")) {
			if (message.path("To").findValuesAsString("Address").contains(address)) {
				count++;
			}
		}
		return count;
	}

	private static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		T value = probe.get();
		while (!done.test(value) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			value = probe.get();
		}
		return value;
	}

}
