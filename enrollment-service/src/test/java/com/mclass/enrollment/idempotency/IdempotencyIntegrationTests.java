package com.mclass.enrollment.idempotency;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.mclass.enrollment.Api;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.enrollment.Forms;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyIntegrationTests extends EnrollmentIntegrationTest {

	@Autowired
	IdempotencyRecords records;

	@Test
	void aRetryWithTheSameKeyAndBodyReplaysTheOriginalAnswer() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0).form(Forms.MOTIVATION_LEVEL_AGREEMENT));
		String token = student(UUID.randomUUID());
		Api.Response original = enroll(classId, token, "retry-1", Forms.VALID_ANSWERS);
		// The same body with its keys in another order is the same request.
		Api.Response retry = enroll(classId, token, "retry-1", "{\"agree\":true,\"level\":\"중급\",\"motivation\":\"동시성을 제대로 배우고 싶어요\"}");

		assertThat(original.status()).isEqualTo(201);
		assertThat(original.header("Idempotent-Replayed")).isEmpty();
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
		assertThat(retry.body()).isEqualTo(original.body());
		assertThat(countsByStatus(classId)).containsEntry("APPROVED", 1);
	}

	@Test
	void theSameKeyWithADifferentBodyIsRefused() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0).form(Forms.MOTIVATION_LEVEL_AGREEMENT));
		String token = student(UUID.randomUUID());
		enroll(classId, token, "reused", Forms.VALID_ANSWERS);
		Api.Response different = enroll(classId, token, "reused",
				"{\"motivation\":\"다른 내용의 신청입니다\",\"level\":\"초급\",\"agree\":true}");
		assertThat(different.status()).isEqualTo(422);
		assertThat(different.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

		UUID otherClass = this.classes.open(Classes.firstCome(5, 0).form(Forms.MOTIVATION_LEVEL_AGREEMENT));
		assertThat(enroll(otherClass, token, "reused", Forms.VALID_ANSWERS).errorCode()).as("another class is another request")
			.isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void keysAreScopedToTheStudent() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0));
		Api.Response mine = enroll(classId, student(UUID.randomUUID()), "shared-key", "{}");
		Api.Response theirs = enroll(classId, student(UUID.randomUUID()), "shared-key", "{}");
		assertThat(mine.status()).isEqualTo(201);
		assertThat(theirs.status()).isEqualTo(201);
		assertThat(theirs.header("Idempotent-Replayed")).isEmpty();
		assertThat(countsByStatus(classId)).containsEntry("APPROVED", 2);
	}

	@Test
	void anInvalidRequestLeavesItsKeyFreeForTheCorrectedOne() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0).form(Forms.MOTIVATION_LEVEL_AGREEMENT));
		String token = student(UUID.randomUUID());
		assertThat(enroll(classId, token, "fix-me", "{}").status()).isEqualTo(400);
		Api.Response corrected = enroll(classId, token, "fix-me", Forms.VALID_ANSWERS);
		assertThat(corrected.status()).isEqualTo(201);
		assertThat(corrected.header("Idempotent-Replayed")).isEmpty();
	}

	@Test
	void aBusinessRefusalIsReplayedLikeASuccess() {
		UUID classId = this.classes.open(Classes.firstCome(1, 0));
		String holder = student(UUID.randomUUID());
		UUID seat = UUID.fromString(enroll(classId, holder, "{}").data().path("id").asString());
		String token = student(UUID.randomUUID());
		Api.Response full = enroll(classId, token, "too-late", "{}");
		assertThat(full.errorCode()).isEqualTo("CLASS_FULL");

		cancel(classId, seat, holder);
		Api.Response retry = enroll(classId, token, "too-late", "{}");
		assertThat(retry.status()).isEqualTo(409);
		assertThat(retry.body()).isEqualTo(full.body());
		assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
		assertThat(enroll(classId, token, "a-new-attempt", "{}").status()).as("a new key is a new attempt").isEqualTo(201);
	}

	@Test
	void anExpiredKeyIsNewAgainAndPurgedRecordsAreGone() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0));
		UUID userId = UUID.randomUUID();
		String token = student(userId);
		Api.Response original = enroll(classId, token, "yesterday", "{}");
		cancel(classId, UUID.fromString(original.data().path("id").asString()), token);
		this.jdbc.update("UPDATE idempotency_record SET expires_at = now() - interval '1 second' WHERE user_id = ?", userId);

		Api.Response again = enroll(classId, token, "yesterday", "{}");
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEmpty();
		assertThat(again.data().path("id").asString()).isNotEqualTo(original.data().path("id").asString());

		this.jdbc.update("UPDATE idempotency_record SET expires_at = now() - interval '1 second' WHERE user_id = ?", userId);
		assertThat(this.records.purgeExpired()).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE user_id = ?", Integer.class, userId)).isZero();
	}

}
