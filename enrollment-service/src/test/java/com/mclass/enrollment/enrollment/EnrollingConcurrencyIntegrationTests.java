package com.mclass.enrollment.enrollment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.mclass.enrollment.Api;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.enrollment.JdbcValues;

import static org.assertj.core.api.Assertions.assertThat;

/** The races a rush produces, run for real against one service over HTTP and PostgreSQL. */
class EnrollingConcurrencyIntegrationTests extends EnrollmentIntegrationTest {

	@Test
	void aStudentPressingEnrollWithManyKeysAtOnceGetsExactlyOneEnrollment() throws Exception {
		UUID classId = this.classes.open(Classes.firstCome(10, 5));
		String token = student(UUID.randomUUID());
		List<Api.Response> responses = inParallel(30, (i) -> enroll(classId, token, "{}"));

		assertThat(responses).filteredOn((response) -> response.status() == 201).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.status() != 201)
			.hasSize(29)
			.allSatisfy((response) -> {
				assertThat(response.status()).isEqualTo(409);
				assertThat(response.errorCode()).isEqualTo("ALREADY_ENROLLED");
			});
		assertThat(countsByStatus(classId)).containsExactlyEntriesOf(Map.of("APPROVED", 1));
		assertInvariants(classId);
	}

	@Test
	void oneKeySentTwentyTimesAtOnceEnrollsOnceAndEveryOtherAnswerIsAReplayOrInUse() throws Exception {
		UUID classId = this.classes.open(Classes.firstCome(10, 5));
		String token = student(UUID.randomUUID());
		String key = "rush-" + UUID.randomUUID();
		List<Api.Response> responses = inParallel(20, (i) -> enroll(classId, token, key, "{}"));

		assertThat(responses).allSatisfy((response) -> assertThat(response.status()).isIn(201, 409));
		List<Api.Response> created = responses.stream().filter((response) -> response.status() == 201).toList();
		assertThat(created).isNotEmpty();
		assertThat(created.stream().map(Api.Response::body).distinct()).as("the original and its replays are identical").hasSize(1);
		assertThat(created.stream().filter((response) -> response.header("Idempotent-Replayed").isEmpty())).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.status() == 409)
			.allSatisfy((response) -> assertThat(response.errorCode()).isEqualTo("IDEMPOTENCY_KEY_IN_USE"));
		assertThat(countsByStatus(classId)).containsExactlyEntriesOf(Map.of("APPROVED", 1));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", Integer.class, key))
			.isEqualTo(1);
		assertInvariants(classId);
	}

	@Test
	@Timeout(120)
	void cancelsAndEnrollmentsInParallelHandFreedSeatsToTheLongestWaitingAndLoseNone() throws Exception {
		UUID classId = this.classes.open(Classes.firstCome(20, 20));
		Map<UUID, String> approved = new HashMap<>();
		for (int i = 0; i < 40; i++) {
			UUID userId = UUID.randomUUID();
			Api.Response response = enroll(classId, student(userId), "{}");
			assertThat(response.status()).isEqualTo(201);
			if (response.data().path("status").asString().equals("APPROVED")) {
				approved.put(UUID.fromString(response.data().path("id").asString()), student(userId));
			}
		}
		assertThat(approved).hasSize(20);
		List<Map.Entry<UUID, String>> leaving = new ArrayList<>(approved.entrySet()).subList(0, 12);

		List<Api.Response> responses = inParallel(42, (i) -> {
			if (i % 3 == 0 && i / 3 < leaving.size()) {
				Map.Entry<UUID, String> enrollment = leaving.get(i / 3);
				return cancel(classId, enrollment.getKey(), enrollment.getValue());
			}
			return enroll(classId, student(UUID.randomUUID()), "{}");
		});

		assertThat(responses).allSatisfy((response) -> assertThat(response.status()).isIn(200, 201, 409));
		assertThat(responses).filteredOn((response) -> response.status() == 409)
			.allSatisfy((response) -> assertThat(response.errorCode()).isEqualTo("CLASS_FULL"));
		assertThat(responses).filteredOn((response) -> response.status() == 200).hasSize(12);
		Ledger ledger = assertInvariants(classId);
		assertThat(ledger.approved()).as("every freed seat was refilled from the waitlist").isEqualTo(20);
		long newcomers = responses.stream().filter((response) -> response.status() == 201).count();
		assertThat(newcomers).as("newcomers only ever get a waitlist place here").isLessThanOrEqualTo(12);
		assertThat(responses).filteredOn((response) -> response.status() == 201)
			.allSatisfy((response) -> assertThat(response.data().path("status").asString()).isEqualTo("WAITLISTED"));
		assertThat(ledger.waitlisted()).as("8 left after 12 promotions, plus the newcomers").isEqualTo(8 + newcomers);
		assertPromotionsWentToTheLongestWaiting(classId, 12);
	}

	/**
	 * Replays the class's history: at each promotion, the promoted enrollment must have been the longest-waiting one
	 * (applied first, id breaking ties) among those waiting at that moment.
	 */
	private void assertPromotionsWentToTheLongestWaiting(UUID classId, int expectedPromotions) {
		Map<UUID, Waiting> enrollments = new HashMap<>();
		this.jdbc.query("SELECT id, applied_at FROM enrollment WHERE mclass_id = ?",
				(rs) -> {
					enrollments.put(JdbcValues.uuid(rs, "id"), new Waiting(JdbcValues.uuid(rs, "id"), JdbcValues.instant(rs, "applied_at")));
				}, classId);
		List<Transition> history = this.jdbc.query(
				"SELECT enrollment_id, from_status, to_status, actor_type FROM enrollment_history WHERE mclass_id = ? ORDER BY id",
				(rs, row) -> new Transition(JdbcValues.uuid(rs, "enrollment_id"), rs.getString("from_status"), rs.getString("to_status"),
						rs.getString("actor_type")),
				classId);
		Comparator<Waiting> fifo = Comparator.comparing(Waiting::appliedAt).thenComparing(Waiting::id);
		Set<Waiting> waiting = new HashSet<>();
		int promotions = 0;
		for (Transition transition : history) {
			Waiting enrollment = enrollments.get(transition.enrollmentId());
			if ("WAITLISTED".equals(transition.from())) {
				if ("SYSTEM".equals(transition.actor())) {
					promotions++;
					assertThat(Collections.min(waiting, fifo)).as("promotion %d", promotions).isEqualTo(enrollment);
				}
				waiting.remove(enrollment);
			}
			if ("WAITLISTED".equals(transition.to())) {
				waiting.add(enrollment);
			}
		}
		assertThat(promotions).isEqualTo(expectedPromotions);
	}

	private static <T> List<T> inParallel(int count, Task<T> task) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(Math.min(count, 64));
		CountDownLatch go = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = i;
			Callable<T> call = () -> {
				go.await();
				return task.run(index);
			};
			futures.add(threads.submit(call));
		}
		go.countDown();
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get(60, TimeUnit.SECONDS));
		}
		threads.shutdown();
		return results;
	}

	@FunctionalInterface
	interface Task<T> {

		T run(int index) throws Exception;

	}

	record Waiting(UUID id, Instant appliedAt) {
	}

	record Transition(UUID enrollmentId, String from, String to, String actor) {
	}

}
