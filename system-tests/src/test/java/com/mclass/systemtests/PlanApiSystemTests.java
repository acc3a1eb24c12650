package com.mclass.systemtests;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the plan's API list ("주요 API 설명" in seed-plan.ko.md) as a client written against the plan would call it —
 * its paths, its bodies ({@code {status, reason}} for an admin decision), its pagination ({@code page} from 1 with
 * {@code limit}) — through the gateway only. Like every system test, each answer is also held to the published API
 * documents ({@link ApiContract}). Mappings the plan leaves open are documented in docs/architecture.md ("The plan's
 * API").
 */
@ExtendWith(RunningPlatform.class)
class PlanApiSystemTests {

	@Test
	void everyCallOfThePlansApiListWorksAsThePlanCallsIt(Gateway gateway) {
		// 인증 API: register, login, refresh, the three social logins, logout
		JsonNode registered = Accounts.registerStudent(gateway, "계획 클라이언트");
		String email = registered.path("user").path("email").asString();
		Gateway.Reply login = gateway.post("/api/auth/login",
				"{\"email\":\"%s\",\"password\":\"correct horse battery staple\"}".formatted(email), Map.of());
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		Gateway.Reply refreshed = gateway.post("/api/auth/refresh",
				"{\"refreshToken\":\"%s\"}".formatted(login.json().path("data").path("refreshToken").asString()), Map.of());
		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		String student = refreshed.json().path("data").path("accessToken").asString();
		for (String provider : new String[] { "google", "kakao", "naver" }) {
			Gateway.Reply social = gateway.get("/api/auth/" + provider, Map.of());
			assertThat(social.status()).as(provider).isEqualTo(302);
			assertThat(social.header("Location")).as(provider).contains("code_challenge=").contains("state=");
		}

		// 클래스 API: list (page from 1, limit), detail, create, update, delete — the admin ones as the admin
		String admin = Accounts.adminToken(gateway);
		String firstCome = createClass(gateway, admin, "FIRST_COME");
		String review = createClass(gateway, admin, "REVIEW");
		Gateway.Reply firstPage = gateway.get("/api/mclasses?page=1&limit=2", Map.of());
		assertThat(firstPage.status()).as(firstPage.body()).isEqualTo(200);
		assertThat(firstPage.json().path("data").size()).isBetween(1, 2);
		assertThat(firstPage.json().path("meta").path("size").asInt()).isEqualTo(2);
		assertThat(firstPage.json().path("meta").path("page").asInt()).as("meta.page counts from 0").isZero();
		Gateway.Reply secondPage = gateway.get("/api/mclasses?page=2&limit=2", Map.of());
		assertThat(secondPage.json().path("meta").path("page").asInt()).isEqualTo(1);
		assertThat(gateway.get("/api/mclasses?page=0&limit=2", Map.of()).status()).as("the plan's pages start at 1").isEqualTo(400);

		Gateway.Reply detail = gateway.get("/api/mclasses/" + firstCome, Map.of());
		assertThat(detail.status()).isEqualTo(200);
		ObjectNode revised = (ObjectNode) detail.json().path("data");
		revised.put("title", "계획대로 고친 클래스");
		Gateway.Reply updated = gateway.put("/api/mclasses/" + firstCome, revised.toString(), Gateway.bearer(admin));
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().path("data").path("title").asString()).isEqualTo("계획대로 고친 클래스");
		String doomed = createClass(gateway, admin, "FIRST_COME");
		Gateway.Reply deleted = gateway.delete("/api/mclasses/" + doomed, Gateway.bearer(admin));
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		assertThat(gateway.get("/api/mclasses/" + doomed, Map.of()).status()).isEqualTo(404);

		// 수강신청 API: apply, my applications, change (answers; status CANCELED), cancel
		Gateway.Reply applied = enroll(gateway, firstCome, student);
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		String enrollment = applied.json().path("data").path("id").asString();
		Gateway.Reply mine = gateway.get("/api/mclasses/" + firstCome + "/enrollments", Gateway.bearer(student));
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().path("data").findValuesAsString("id")).contains(enrollment);
		Gateway.Reply edited = gateway.put("/api/mclasses/" + firstCome + "/enrollments/" + enrollment, "{\"answers\":{}}",
				Gateway.bearer(student));
		assertThat(edited.status()).as("APPROVED answers are final: %s", edited.body()).isEqualTo(409);
		Gateway.Reply statusChanged = gateway.put("/api/mclasses/" + firstCome + "/enrollments/" + enrollment,
				"{\"status\":\"CANCELED\",\"reason\":\"일정이 겹칩니다\"}", Gateway.bearer(student));
		assertThat(statusChanged.status()).as(statusChanged.body()).isEqualTo(200);
		assertThat(statusChanged.json().path("data").path("status").asString()).isEqualTo("CANCELED");
		assertThat(statusChanged.json().path("data").path("reason").asString()).isEqualTo("일정이 겹칩니다");
		Gateway.Reply again = enroll(gateway, firstCome, student);
		assertThat(again.status()).as("re-applying after a cancel: %s", again.body()).isEqualTo(201);
		Gateway.Reply canceled = gateway.delete("/api/mclasses/" + firstCome + "/enrollments/" + again.json().path("data").path("id")
			.asString(), Gateway.bearer(student));
		assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
		assertThat(canceled.json().path("data").path("status").asString()).isEqualTo("CANCELED");

		// 관리자 API: dashboard, every application (page from 1, limit), approve/reject with the plan's {status, reason}
		Gateway.Reply toReview = enroll(gateway, review, student);
		assertThat(toReview.json().path("data").path("status").asString()).isEqualTo("APPLIED");
		String reviewed = toReview.json().path("data").path("id").asString();
		assertThat(gateway.get("/api/admin/dashboard", Gateway.bearer(admin)).status()).isEqualTo(200);
		Gateway.Reply all = gateway.get("/api/admin/enrollments?mclassId=" + review + "&page=1&limit=10", Gateway.bearer(admin));
		assertThat(all.status()).as(all.body()).isEqualTo(200);
		assertThat(all.json().path("data").findValuesAsString("id")).containsExactly(reviewed);
		Gateway.Reply approved = gateway.put("/api/admin/enrollments/" + reviewed, "{\"status\":\"APPROVED\"}", Gateway.bearer(admin));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().path("data").path("status").asString()).isEqualTo("APPROVED");
		Gateway.Reply rejected = gateway.put("/api/admin/enrollments/" + reviewed, "{\"status\":\"REJECTED\",\"reason\":\"정원 조정\"}",
				Gateway.bearer(admin));
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
		assertThat(rejected.json().path("data").path("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.json().path("data").path("reason").asString()).isEqualTo("정원 조정");
		Gateway.Reply disagreeing = gateway.put("/api/admin/enrollments/" + reviewed, "{\"status\":\"APPROVED\",\"action\":\"REJECT\"}",
				Gateway.bearer(admin));
		assertThat(disagreeing.status()).isEqualTo(400);
		assertThat(disagreeing.json().path("error").path("details").findValuesAsString("field")).containsExactlyInAnyOrder("status",
				"action");

		Gateway.Reply logout = gateway.post("/api/auth/logout", "", Gateway.bearer(student));
		assertThat(logout.status()).as(logout.body()).isEqualTo(200);
	}

	@Test
	void theErrorsAClientMeetsAreInTheDocumentsToo(Gateway gateway) {
		String admin = Accounts.adminToken(gateway);
		String classId = createClass(gateway, admin, "FIRST_COME");
		String student = Accounts.registerStudent(gateway, "오류 클라이언트").path("accessToken").asString();
		// Each of these answers is checked against its operation's documented error responses by ApiContract.
		assertThat(gateway.get("/api/mclasses/" + UUID.randomUUID(), Map.of()).status()).isEqualTo(404);
		assertThat(gateway.get("/api/mclasses?limit=0", Map.of()).status()).isEqualTo(400);
		assertThat(gateway.get("/api/auth/me", Map.of()).status()).isEqualTo(401);
		assertThat(gateway.get("/api/auth/me", Gateway.bearer("not-a-token")).status()).isEqualTo(401);
		assertThat(gateway.get("/api/admin/enrollments", Gateway.bearer(student)).status()).isEqualTo(403);
		assertThat(gateway.post("/api/auth/login", "{\"email\":\"nobody@example.com\",\"password\":\"wrong password\"}", Map.of())
			.status()).isEqualTo(401);
		assertThat(gateway.post("/api/mclasses", "{\"title\":\"\"}", Gateway.bearer(admin)).status()).isEqualTo(400);
		assertThat(enroll(gateway, classId, student).status()).isEqualTo(201);
		assertThat(enroll(gateway, classId, student).status()).as("already enrolled").isEqualTo(409);
		String key = UUID.randomUUID().toString();
		Map<String, String> headers = new HashMap<>(Gateway.bearer(student));
		headers.put("Idempotency-Key", key);
		gateway.post("/api/mclasses/" + classId + "/enrollments", "{\"answers\":{}}", headers);
		assertThat(gateway.post("/api/mclasses/" + classId + "/enrollments", "{\"answers\":{\"x\":1}}", headers).status())
			.as("the key reused for another request").isEqualTo(422);
		assertThat(gateway.put("/api/admin/enrollments/" + UUID.randomUUID(), "{\"status\":\"APPROVED\"}", Gateway.bearer(admin))
			.status()).isEqualTo(404);
		assertThat(ApiContract.forUrl(gateway.url()).checked()).isPositive();
	}

	private static Gateway.Reply enroll(Gateway gateway, String classId, String token) {
		Map<String, String> headers = new HashMap<>(Gateway.bearer(token));
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		return gateway.post("/api/mclasses/" + classId + "/enrollments", "{\"answers\":{}}", headers);
	}

	private static String createClass(Gateway gateway, String admin, String selectionType) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Gateway.Reply created = gateway.post("/api/mclasses", """
				{"title":"계획 API 클래스 %s","description":"주요 API 설명을 따라","capacity":5,"waitlistCapacity":2,"allowWaitlist":true,
				 "visibility":"PUBLIC","selectionType":"%s","isOnline":true,"fee":0,
				 "recruitStartAt":"%s","recruitEndAt":"%s","startAt":"%s","endAt":"%s"}"""
			.formatted(UUID.randomUUID(), selectionType, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS),
					now.plus(2, ChronoUnit.DAYS), now.plus(3, ChronoUnit.DAYS)),
				Gateway.bearer(admin));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("data").path("id").asString();
	}

}
