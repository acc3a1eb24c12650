package com.mclass.classes.mclass.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.classes.Api;
import com.mclass.classes.Api.Reply;
import com.mclass.classes.ClassServiceIntegrationTest;
import com.mclass.platform.test.TestTokens;

import static com.mclass.classes.ClassFixtures.recruitingClass;
import static com.mclass.classes.ClassFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

@ClassServiceIntegrationTest
class ClassAdministrationIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void anAdminCreatesAClassAndReadsItBack() {
		UUID adminId = UUID.randomUUID();
		Reply created = this.api.post("/api/mclasses", TestTokens.admin(adminId), recruitingClass("스프링 입문"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.location()).isEqualTo("/api/mclasses/" + created.id());
		assertThat(created.data().path("title").asString()).isEqualTo("스프링 입문");
		assertThat(created.data().path("capacity").asInt()).isEqualTo(30);
		assertThat(created.data().path("waitlistCapacity").asInt()).isEqualTo(10);
		assertThat(created.data().path("allowWaitlist").asBoolean()).isTrue();
		assertThat(created.data().path("isOnline").asBoolean(true)).isFalse();
		assertThat(created.data().path("fee").asLong()).isEqualTo(10_000);
		assertThat(created.data().path("recruitState").asString()).isEqualTo("OPEN");
		assertThat(created.data().path("createdBy").asString()).isEqualTo(adminId.toString());
		assertThat(created.data().path("version").asLong()).isZero();

		Reply read = this.api.get("/api/mclasses/" + created.id(), null);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.data()).isEqualTo(created.data());
	}

	@Test
	void offsetTimestampsAreAcceptedAndAnsweredInUtc() {
		Map<String, Object> body = with(recruitingClass("오프셋"), "recruitStartAt", "2030-01-01T09:00:00+09:00", "recruitEndAt",
				"2030-01-02T09:00:00+09:00", "startAt", "2030-01-03T09:00:00+09:00", "endAt", "2030-01-03T11:00:00+09:00");
		Reply created = this.api.post("/api/mclasses", Api.admin(), body);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.data().path("recruitStartAt").asString()).isEqualTo("2030-01-01T00:00:00Z");
		assertThat(created.data().path("recruitState").asString()).isEqualTo("UPCOMING");
	}

	@Test
	void writesNeedAnAdmin() {
		UUID id = this.api.post("/api/mclasses", Api.admin(), recruitingClass("권한")).id();
		Map<String, Object> revision = with(recruitingClass("권한"), "version", 0);

		assertThat(this.api.post("/api/mclasses", null, recruitingClass("x")).status()).isEqualTo(401);
		assertThat(this.api.put("/api/mclasses/" + id, null, revision).status()).isEqualTo(401);
		assertThat(this.api.delete("/api/mclasses/" + id, null).status()).isEqualTo(401);

		Reply forbidden = this.api.post("/api/mclasses", Api.user(), recruitingClass("x"));
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.api.put("/api/mclasses/" + id, Api.user(), revision).status()).isEqualTo(403);
		assertThat(this.api.delete("/api/mclasses/" + id, Api.user()).status()).isEqualTo(403);

		Reply unauthenticated = this.api.post("/api/mclasses", null, recruitingClass("x"));
		assertThat(unauthenticated.errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.api.get("/api/mclasses/" + id, null).data().path("version").asLong()).isZero();
	}

	@Test
	void anInvalidClassListsEveryFieldAtFaultInKoreanByDefault() {
		Map<String, Object> body = with(recruitingClass(""), "capacity", 0, "allowWaitlist", false, "waitlistCapacity", 5, "fee", -1,
				"recruitEndAt", recruitingClass("x").get("recruitStartAt"), "endAt", recruitingClass("x").get("startAt"));
		Reply refused = this.api.post("/api/mclasses", Api.admin(), body);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorMessage()).isEqualTo("요청 값이 올바르지 않습니다.");
		assertThat(refused.fields()).containsExactlyInAnyOrder("title", "capacity", "waitlistCapacity", "fee", "recruitEndAt", "endAt");
		assertThat(refused.reason("recruitEndAt")).isEqualTo("모집 종료 시각은 모집 시작 시각보다 늦어야 합니다");
		assertThat(refused.reason("waitlistCapacity")).isEqualTo("대기열을 허용하지 않으면 대기 정원은 0이어야 합니다");
		assertThat(refused.reason("capacity")).isEqualTo("1 이상이어야 합니다");
	}

	@Test
	void validationMessagesAreEnglishWhenAsked() {
		Map<String, Object> body = with(recruitingClass(""), "endAt", recruitingClass("x").get("startAt"));
		Reply refused = this.api.post("/api/mclasses", Api.admin(), body, "Accept-Language", "en-US,en;q=0.9");

		assertThat(refused.errorMessage()).isEqualTo("The request is invalid.");
		assertThat(refused.reason("title")).isEqualTo("is required");
		assertThat(refused.reason("endAt")).isEqualTo("must be after startAt");
	}

	@Test
	void unreadableFieldsAreNamed() {
		Reply refused = this.api.post("/api/mclasses", Api.admin(), with(recruitingClass("x"), "visibility", "SECRET"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.fields()).containsExactly("visibility");
	}

	@Test
	void anUnknownWaitlistModeAndAnOfferWindowOutOfRangeAreNamed() {
		Reply unknownMode = this.api.post("/api/mclasses", Api.admin(), with(recruitingClass("x"), "waitlistMode", "LOTTERY"));
		assertThat(unknownMode.status()).isEqualTo(400);
		assertThat(unknownMode.fields()).containsExactly("waitlistMode");
		Reply noWindow = this.api.post("/api/mclasses", Api.admin(), with(recruitingClass("x"), "offerWindowMinutes", 0));
		assertThat(noWindow.status()).isEqualTo(400);
		assertThat(noWindow.fields()).containsExactly("offerWindowMinutes");
		Reply notANumber = this.api.post("/api/mclasses", Api.admin(), with(recruitingClass("x"), "offerWindowMinutes", "a day"));
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.fields()).containsExactly("offerWindowMinutes");
	}

	@Test
	void aRevisionBasedOnTheCurrentVersionIsAppliedAndBumpsIt() {
		UUID id = this.api.post("/api/mclasses", Api.admin(), recruitingClass("수정 전")).id();

		Reply revised = this.api.put("/api/mclasses/" + id, Api.admin(), with(recruitingClass("수정 후"), "capacity", 50, "version", 0));

		assertThat(revised.status()).isEqualTo(200);
		assertThat(revised.data().path("title").asString()).isEqualTo("수정 후");
		assertThat(revised.data().path("capacity").asInt()).isEqualTo(50);
		assertThat(revised.data().path("version").asLong()).isEqualTo(1);
		Reply read = this.api.get("/api/mclasses/" + id, null);
		assertThat(read.data().path("title").asString()).isEqualTo("수정 후");
		assertThat(read.data().path("version").asLong()).isEqualTo(1);
	}

	@Test
	void aRevisionBasedOnAnOlderVersionIsAConflict() {
		UUID id = this.api.post("/api/mclasses", Api.admin(), recruitingClass("충돌")).id();
		assertThat(this.api.put("/api/mclasses/" + id, Api.admin(), with(recruitingClass("첫 수정"), "version", 0)).status()).isEqualTo(200);

		Reply stale = this.api.put("/api/mclasses/" + id, Api.admin(), with(recruitingClass("늦은 수정"), "version", 0));

		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.errorCode()).isEqualTo("VERSION_CONFLICT");
		assertThat(stale.errorMessage()).contains("최신 내용을 다시 불러온 뒤");
		assertThat(this.api.get("/api/mclasses/" + id, null).data().path("title").asString()).isEqualTo("첫 수정");
	}

	@Test
	void aRevisionWithoutVersionIsRefused() {
		UUID id = this.api.post("/api/mclasses", Api.admin(), recruitingClass("버전 없음")).id();
		Reply refused = this.api.put("/api/mclasses/" + id, Api.admin(), recruitingClass("버전 없음"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.fields()).containsExactly("version");
	}

	@Test
	void twoParallelRevisionsOfTheSameVersionYieldOneSuccessAndOneConflict() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				UUID id = this.api.post("/api/mclasses", Api.admin(), recruitingClass("동시 수정 " + round)).id();
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Integer>> statuses = new ArrayList<>();
				for (int writer = 0; writer < 2; writer++) {
					Map<String, Object> body = with(recruitingClass("writer " + writer), "version", 0);
					statuses.add(pool.submit(() -> {
						start.await();
						return this.api.put("/api/mclasses/" + id, Api.admin(), body).status();
					}));
				}
				start.countDown();
				List<Integer> outcome = new ArrayList<>();
				for (Future<Integer> status : statuses) {
					outcome.add(status.get());
				}
				assertThat(outcome).as("round %d", round).containsExactlyInAnyOrder(200, 409);
				assertThat(this.api.get("/api/mclasses/" + id, null).data().path("version").asLong()).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aDeletedClassIsGoneForReadsAndWrites() {
		UUID id = this.api.post("/api/mclasses", Api.admin(), recruitingClass("삭제")).id();
		assertThat(this.api.get("/api/mclasses/" + id, null).status()).isEqualTo(200);

		Reply deleted = this.api.delete("/api/mclasses/" + id, Api.admin());

		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.data().path("classId").asString()).isEqualTo(id.toString());
		assertThat(deleted.data().path("version").asLong()).isEqualTo(1);
		assertThat(deleted.data().path("deletedAt").isMissingNode()).isFalse();
		assertThat(this.api.get("/api/mclasses/" + id, null).status()).isEqualTo(404);
		assertThat(this.api.get("/api/mclasses/" + id, Api.admin()).status()).isEqualTo(404);
		assertThat(this.api.put("/api/mclasses/" + id, Api.admin(), with(recruitingClass("x"), "version", 1)).status()).isEqualTo(404);
		assertThat(this.api.delete("/api/mclasses/" + id, Api.admin()).status()).isEqualTo(404);
	}

	@Test
	void unknownAndMalformedIdsAre404And400() {
		assertThat(this.api.get("/api/mclasses/" + UUID.randomUUID(), null).status()).isEqualTo(404);
		assertThat(this.api.put("/api/mclasses/" + UUID.randomUUID(), Api.admin(), with(recruitingClass("x"), "version", 0)).status())
			.isEqualTo(404);
		Reply malformed = this.api.get("/api/mclasses/not-a-uuid", null);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(malformed.fields()).containsExactly("id");
	}

}
