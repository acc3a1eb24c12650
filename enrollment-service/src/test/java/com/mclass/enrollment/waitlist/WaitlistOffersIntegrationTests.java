package com.mclass.enrollment.waitlist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.mclass.enrollment.Api;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.enrollment.MovableClock;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waitlist offers (waitlist mode OFFER) on real PostgreSQL, Redis and Kafka: a freed seat is offered to the
 * longest-waiting student and held for them; they accept or decline before the deadline, or the sweep expires the
 * offer and the seat goes to the next in line — and under any interleaving of all of these the ledger stays true.
 */
class WaitlistOffersIntegrationTests extends EnrollmentIntegrationTest {

	@Autowired
	OfferExpiry expiry;

	@Autowired
	MovableClock clock;

	@AfterEach
	void putTheClockBack() {
		this.clock.reset();
	}

	@Test
	void aFreedSeatIsOfferedToTheLongestWaitingStudentAndHeldForThem() {
		UUID classId = this.classes.open(offering(1, 5, 60));
		Student first = enrolled(classId);
		Student second = enrolled(classId);
		Student third = enrolled(classId);
		assertThat(second.status()).isEqualTo("WAITLISTED");

		Instant freedAt = this.clock.instant();
		assertThat(cancel(classId, first.enrollmentId(), first.token()).status()).isEqualTo(200);

		JsonNode offered = mine(classId, second);
		assertThat(offered.path("status").asString()).isEqualTo("OFFERED");
		Instant expiresAt = Instant.parse(offered.path("offerExpiresAt").asString());
		assertThat(expiresAt).isBetween(freedAt.plus(Duration.ofMinutes(60)), this.clock.instant().plus(Duration.ofMinutes(60)));
		assertThat(status(third)).as("only as many offers as seats").isEqualTo("WAITLISTED");
		Ledger ledger = assertInvariants(classId);
		assertThat(ledger.offered()).isEqualTo(1);
		assertThat(ledger.approved()).isZero();
		assertThat(this.api.get("/api/mclasses/" + classId + "/availability").send().data().path("seatsLeft").asInt())
			.as("the offered seat is held").isZero();
		Student late = enrolled(classId);
		assertThat(late.status()).as("nobody takes a held seat").isEqualTo("WAITLISTED");

		JsonNode event = event(second.enrollmentId(), "ENROLLMENT_OFFERED");
		assertThat(event.path("data").path("status").asString()).isEqualTo("OFFERED");
		assertThat(event.path("data").path("previousStatus").asString()).isEqualTo("WAITLISTED");
		assertThat(Instant.parse(event.path("data").path("offerExpiresAt").asString())).isEqualTo(expiresAt);
		assertThat(history(second.enrollmentId())).containsExactly("null>WAITLISTED USER", "WAITLISTED>OFFERED SYSTEM");
		JsonNode asAdminSeesIt = this.api.get("/api/admin/enrollments/" + second.enrollmentId())
			.token(TestTokens.admin(UUID.randomUUID()))
			.send()
			.data();
		assertThat(Instant.parse(asAdminSeesIt.path("offerExpiresAt").asString())).as("the admin sees the deadline too")
			.isEqualTo(expiresAt);
	}

	@Test
	void acceptingTheOfferApprovesTheStudentOnTheHeldSeat() {
		UUID classId = this.classes.open(offering(1, 5, 60));
		Student first = enrolled(classId);
		Student second = enrolled(classId);
		cancel(classId, first.enrollmentId(), first.token());

		Api.Response accepted = accept(classId, second);
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.data().path("status").asString()).isEqualTo("APPROVED");
		assertThat(accepted.data().path("offerExpiresAt").isNull()).isTrue();
		assertThat(accepted.data().path("decidedAt").asString()).isNotBlank();
		Ledger ledger = assertInvariants(classId);
		assertThat(ledger.approved()).isEqualTo(1);
		assertThat(ledger.offered()).isZero();
		assertThat(event(second.enrollmentId(), "ENROLLMENT_APPROVED").path("data").path("previousStatus").asString()).isEqualTo("OFFERED");

		Api.Response again = accept(classId, second);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.errorCode()).isEqualTo("NOT_OFFERED");
	}

	@Test
	void decliningPassesTheSeatToTheNextInLine() {
		UUID classId = this.classes.open(offering(1, 5, 60));
		Student first = enrolled(classId);
		Student second = enrolled(classId);
		Student third = enrolled(classId);
		cancel(classId, first.enrollmentId(), first.token());

		Api.Response declined = this.api.post(offerPath(classId, second, "decline"))
			.token(second.token())
			.json("{\"reason\":\"  일정이 맞지 않아요 \"}")
			.send();
		assertThat(declined.status()).isEqualTo(200);
		assertThat(declined.data().path("status").asString()).isEqualTo("CANCELED");
		assertThat(declined.data().path("reason").asString()).isEqualTo("일정이 맞지 않아요");
		assertThat(status(third)).isEqualTo("OFFERED");
		assertThat(assertInvariants(classId).offered()).isEqualTo(1);
		assertThat(event(second.enrollmentId(), "ENROLLMENT_OFFER_DECLINED").path("data").path("status").asString()).isEqualTo("CANCELED");
	}

	@Test
	void anExpiredOfferPassesTheSeatToTheNextInLineOnceWhenTheSweepRuns() {
		UUID classId = this.classes.open(offering(1, 5, 60));
		Student first = enrolled(classId);
		Student second = enrolled(classId);
		Student third = enrolled(classId);
		cancel(classId, first.enrollmentId(), first.token());

		// The sweep covers every class: other tests' offers may fall due too, so this one's is followed by its student.
		this.clock.moveAhead(Duration.ofMinutes(59));
		this.expiry.expireDueOffers();
		assertThat(status(second)).as("not due yet").isEqualTo("OFFERED");

		this.clock.moveAhead(Duration.ofMinutes(2));
		assertThat(this.expiry.expireDueOffers()).isPositive();
		this.expiry.expireDueOffers();
		assertThat(status(second)).isEqualTo("CANCELED");
		assertThat(count("SELECT count(*) FROM enrollment_history WHERE enrollment_id = ? AND from_status = 'OFFERED'",
				second.enrollmentId())).as("expired exactly once").isEqualTo(1);
		JsonNode next = mine(classId, third);
		assertThat(next.path("status").asString()).isEqualTo("OFFERED");
		assertThat(Instant.parse(next.path("offerExpiresAt").asString())).as("a full window from the expiry")
			.isAfter(this.clock.instant().plus(Duration.ofMinutes(59)));
		assertThat(history(second.enrollmentId())).last().isEqualTo("OFFERED>CANCELED SYSTEM");
		assertThat(event(second.enrollmentId(), "ENROLLMENT_OFFER_EXPIRED").path("data").path("reason").asString())
			.isEqualTo(OfferExpiry.REASON);
		assertThat(assertInvariants(classId).offered()).isEqualTo(1);
	}

	@Test
	void anExpiredOfferWithNobodyWaitingFreesTheSeat() {
		UUID classId = this.classes.open(offering(1, 5, 1));
		Student first = enrolled(classId);
		Student second = enrolled(classId);
		cancel(classId, first.enrollmentId(), first.token());

		this.clock.moveAhead(Duration.ofMinutes(2));
		assertThat(this.expiry.expireDueOffers()).isPositive();
		Ledger ledger = assertInvariants(classId);
		assertThat(ledger.approved() + ledger.offered()).isZero();
		assertThat(status(second)).isEqualTo("CANCELED");
		assertThat(enrolled(classId).status()).as("the seat is free for anyone").isEqualTo("APPROVED");
	}

	@Test
	void acceptingOneMillisecondAfterTheDeadlineIsRefused() {
		UUID classId = this.classes.open(offering(1, 5, 60));
		Student first = enrolled(classId);
		Student second = enrolled(classId);
		cancel(classId, first.enrollmentId(), first.token());
		Instant deadline = Instant.parse(mine(classId, second).path("offerExpiresAt").asString());

		this.clock.stopAt(deadline.plusMillis(1));
		Api.Response late = accept(classId, second);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.errorCode()).isEqualTo("OFFER_EXPIRED");
		this.clock.stopAt(deadline);
		assertThat(accept(classId, second).errorCode()).as("the deadline itself is too late").isEqualTo("OFFER_EXPIRED");
		assertThat(this.api.post(offerPath(classId, second, "decline")).token(second.token()).send().errorCode())
			.isEqualTo("OFFER_EXPIRED");
		assertThat(status(second)).as("nothing changed: the sweep expires it").isEqualTo("OFFERED");
		assertInvariants(classId);

		this.clock.stopAt(deadline.minusMillis(1));
		assertThat(accept(classId, second).status()).as("one millisecond before is in time").isEqualTo(200);
		assertThat(assertInvariants(classId).approved()).isEqualTo(1);
	}

	@Test
	void aStudentLeavesTheWaitlistWhileWaitingOrOffered() {
		UUID classId = this.classes.open(offering(1, 5, 60));
		Student first = enrolled(classId);
		Student second = enrolled(classId);
		Student third = enrolled(classId);
		Student fourth = enrolled(classId);

		assertThat(cancel(classId, third.enrollmentId(), third.token()).status()).as("leaving while waiting").isEqualTo(200);
		assertThat(status(third)).isEqualTo("CANCELED");
		assertThat(assertInvariants(classId).waitlisted()).isEqualTo(2);

		cancel(classId, first.enrollmentId(), first.token());
		assertThat(status(second)).isEqualTo("OFFERED");
		Api.Response left = cancel(classId, second.enrollmentId(), second.token());
		assertThat(left.status()).as("leaving while offered").isEqualTo(200);
		assertThat(left.data().path("status").asString()).isEqualTo("CANCELED");
		assertThat(status(fourth)).as("the seat goes to the next in line").isEqualTo("OFFERED");
		assertThat(event(second.enrollmentId(), "ENROLLMENT_CANCELED").path("data").path("previousStatus").asString()).isEqualTo("OFFERED");
		assertThat(assertInvariants(classId).offered()).isEqualTo(1);
	}

	@Test
	void onlyTheStudentAnswersTheirOwnOffer() {
		UUID classId = this.classes.open(offering(1, 5, 60));
		Student first = enrolled(classId);
		Student second = enrolled(classId);
		cancel(classId, first.enrollmentId(), first.token());
		Student stranger = new Student(UUID.randomUUID(), student(UUID.randomUUID()), null);

		assertThat(this.api.post(offerPath(classId, second, "accept")).token(stranger.token()).send().status()).isEqualTo(404);
		assertThat(this.api.post("/api/mclasses/" + UUID.randomUUID() + "/enrollments/" + second.enrollmentId() + "/accept")
			.token(second.token())
			.send()
			.status()).as("another class").isEqualTo(404);
		Api.Response malformed = this.api.post("/api/mclasses/" + classId + "/enrollments/not-an-id/accept").token(second.token()).send();
		assertThat(malformed.status()).isEqualTo(400);
		Api.Response longReason = this.api.post(offerPath(classId, second, "decline"))
			.token(second.token())
			.json("{\"reason\":\"" + "x".repeat(501) + "\"}")
			.send();
		assertThat(longReason.status()).isEqualTo(400);
		assertThat(longReason.json().path("error").path("details").get(0).path("field").asString()).isEqualTo("reason");
		assertThat(this.api.post(offerPath(classId, second, "accept")).send().status()).as("no token").isEqualTo(401);
		assertThat(status(second)).isEqualTo("OFFERED");
	}

	@Test
	void autoModeStillTakesTheFreedSeatForTheLongestWaiting() {
		UUID classId = this.classes.open(Classes.firstCome(1, 5));
		Student first = enrolled(classId);
		Student second = enrolled(classId);
		cancel(classId, first.enrollmentId(), first.token());

		assertThat(status(second)).isEqualTo("APPROVED");
		assertThat(event(second.enrollmentId(), "WAITLIST_PROMOTED").path("data").path("offerExpiresAt").isNull()).isTrue();
		assertThat(assertInvariants(classId).offered()).isZero();
		assertThat(this.jdbc.queryForObject("SELECT waitlist_mode FROM seat_ledger WHERE class_id = ?", String.class, classId))
			.isEqualTo("AUTO");
	}

	@Test
	@Timeout(120)
	void twoSweepersExpireEachDueOfferExactlyOnce() throws Exception {
		List<UUID> classIds = new ArrayList<>();
		List<Student> offeredStudents = new ArrayList<>();
		for (int c = 0; c < 4; c++) {
			UUID classId = this.classes.open(offering(3, 10, 1));
			classIds.add(classId);
			List<Student> seated = new ArrayList<>();
			for (int s = 0; s < 3; s++) {
				seated.add(enrolled(classId));
			}
			for (int s = 0; s < 6; s++) {
				Student waiting = enrolled(classId);
				if (s < 3) {
					offeredStudents.add(waiting);
				}
			}
			for (Student student : seated) {
				cancel(classId, student.enrollmentId(), student.token());
			}
		}
		this.clock.moveAhead(Duration.ofMinutes(2));

		ExecutorService sweepers = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Callable<Integer> sweep = () -> {
				start.await();
				return this.expiry.expireDueOffers();
			};
			Future<Integer> one = sweepers.submit(sweep);
			Future<Integer> other = sweepers.submit(sweep);
			start.countDown();
			int expired = one.get(60, TimeUnit.SECONDS) + other.get(60, TimeUnit.SECONDS);
			// Each class's next three were offered at the moved time and are not due: only the first offers expired.
			assertThat(expired).isGreaterThanOrEqualTo(offeredStudents.size());
		}
		finally {
			sweepers.shutdownNow();
		}
		for (Student student : offeredStudents) {
			assertThat(status(student)).isEqualTo("CANCELED");
			assertThat(count("SELECT count(*) FROM outbox_event WHERE message_key = ? AND type = 'ENROLLMENT_OFFER_EXPIRED'",
					student.enrollmentId().toString())).isEqualTo(1);
			assertThat(count("SELECT count(*) FROM enrollment_history WHERE enrollment_id = ? AND from_status = 'OFFERED'",
					student.enrollmentId())).isEqualTo(1);
		}
		for (UUID classId : classIds) {
			Ledger ledger = assertInvariants(classId);
			assertThat(ledger.offered()).isEqualTo(3);
			assertThat(ledger.waitlisted()).isZero();
		}
	}

	/**
	 * Students of one class accept, decline and leave while seats are freed, offers fall due (the clock runs ahead in
	 * steps) and two sweepers expire them — all at once. Afterwards the ledger holds exactly what the enrollments say, no
	 * seat is held twice or lost, and every offer was answered or expired at most once.
	 */
	@Test
	@Timeout(180)
	void parallelAcceptsDeclinesCancelsAndSweepsKeepTheInvariants() throws Exception {
		UUID classId = this.classes.open(offering(6, 60, 1));
		List<Student> students = new ArrayList<>();
		for (int s = 0; s < 50; s++) {
			students.add(enrolled(classId));
		}
		assertThat(assertInvariants(classId).waitlisted()).isEqualTo(44);

		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger answers = new AtomicInteger();
		AtomicInteger serverErrors = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(9);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> workers = new ArrayList<>();
			for (int w = 0; w < 6; w++) {
				workers.add(pool.submit(() -> {
					start.await();
					for (int round = 0; round < 40; round++) {
						Student student = students.get(ThreadLocalRandom.current().nextInt(students.size()));
						Api.Response response = act(classId, student);
						if (response != null) {
							answers.incrementAndGet();
							if (response.status() >= 500) {
								serverErrors.incrementAndGet();
							}
						}
					}
					return null;
				}));
			}
			for (int s = 0; s < 2; s++) {
				workers.add(pool.submit(() -> {
					start.await();
					while (running.get()) {
						this.expiry.expireDueOffers();
						Thread.sleep(5);
					}
					return null;
				}));
			}
			workers.add(pool.submit(() -> {
				start.await();
				while (running.get()) {
					Thread.sleep(40);
					this.clock.moveAhead(Duration.ofSeconds(20)); // a one-minute offer falls due every third step
				}
				return null;
			}));
			start.countDown();
			for (Future<?> worker : workers.subList(0, 6)) {
				worker.get(150, TimeUnit.SECONDS);
			}
			running.set(false);
			for (Future<?> worker : workers.subList(6, workers.size())) {
				worker.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			running.set(false);
			pool.shutdownNow();
		}

		assertThat(serverErrors.get()).as("no answer was a 5xx").isZero();
		assertThat(answers.get()).isPositive();
		this.clock.moveAhead(Duration.ofMinutes(2));
		this.expiry.expireDueOffers();
		assertInvariants(classId);
		// Every enrollment was offered at most once and left OFFERED at most once (answered, canceled or expired).
		assertThat(count("""
				SELECT count(*) FROM (SELECT enrollment_id FROM enrollment_history WHERE mclass_id = ?
				 GROUP BY enrollment_id
				HAVING count(*) FILTER (WHERE to_status = 'OFFERED') > 1
				    OR count(*) FILTER (WHERE from_status = 'OFFERED') > count(*) FILTER (WHERE to_status = 'OFFERED')) odd
				""", classId)).isZero();
		assertThat(count("""
				SELECT count(*) FROM (SELECT message_key FROM outbox_event
				 WHERE type IN ('ENROLLMENT_OFFER_EXPIRED', 'ENROLLMENT_OFFER_DECLINED') AND payload::jsonb -> 'data' ->> 'mclassId' = ?
				 GROUP BY message_key HAVING count(*) > 1) twice
				""", classId.toString())).isZero();
		Map<String, Integer> counts = countsByStatus(classId);
		assertThat(counts.getOrDefault("CANCELED", 0)).as("the mix did happen").isPositive();
	}

	/** What one student does next, by where they stand now; null when there is nothing left for them to do. */
	private Api.Response act(UUID classId, Student student) {
		String status = status(student);
		int dice = ThreadLocalRandom.current().nextInt(10);
		return switch (status) {
			case "OFFERED" -> (dice < 5) ? accept(classId, student)
					: (dice < 8) ? this.api.post(offerPath(classId, student, "decline")).token(student.token()).send()
							: cancel(classId, student.enrollmentId(), student.token());
			case "APPROVED" -> (dice < 5) ? cancel(classId, student.enrollmentId(), student.token()) : accept(classId, student);
			case "WAITLISTED" -> (dice < 2) ? cancel(classId, student.enrollmentId(), student.token()) : accept(classId, student);
			default -> null;
		};
	}

	private static Classes.Spec offering(int capacity, int waitlistCapacity, int offerWindowMinutes) {
		return Classes.firstCome(capacity, waitlistCapacity).set("waitlistMode", "OFFER").set("offerWindowMinutes", offerWindowMinutes);
	}

	private Student enrolled(UUID classId) {
		UUID userId = UUID.randomUUID();
		String token = student(userId);
		Api.Response response = enroll(classId, token, "{}");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return new Student(UUID.fromString(response.data().path("id").asString()), token, response.data().path("status").asString());
	}

	private Api.Response accept(UUID classId, Student student) {
		return this.api.post(offerPath(classId, student, "accept")).token(student.token()).send();
	}

	private static String offerPath(UUID classId, Student student, String answer) {
		return "/api/mclasses/" + classId + "/enrollments/" + student.enrollmentId() + "/" + answer;
	}

	private JsonNode mine(UUID classId, Student student) {
		for (JsonNode enrollment : this.api.get("/api/mclasses/" + classId + "/enrollments").token(student.token()).send().data()) {
			if (enrollment.path("id").asString().equals(student.enrollmentId().toString())) {
				return enrollment;
			}
		}
		throw new AssertionError("enrollment " + student.enrollmentId() + " not listed");
	}

	private String status(Student student) {
		return this.jdbc.queryForObject("SELECT status FROM enrollment WHERE id = ?", String.class, student.enrollmentId());
	}

	private JsonNode event(UUID enrollmentId, String type) {
		String payload = this.jdbc.queryForObject("SELECT payload FROM outbox_event WHERE message_key = ? AND type = ?", String.class,
				enrollmentId.toString(), type);
		return Api.json.readTree(payload);
	}

	private List<String> history(UUID enrollmentId) {
		return this.jdbc.query("SELECT from_status, to_status, actor_type FROM enrollment_history WHERE enrollment_id = ? ORDER BY id",
				(rs, row) -> rs.getString("from_status") + ">" + rs.getString("to_status") + " " + rs.getString("actor_type"), enrollmentId);
	}

	private int count(String sql, Object... args) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class, args);
		return (count != null) ? count : 0;
	}

	/** A student of the class with their enrollment and token; {@code status} as of enrolling. */
	private record Student(UUID enrollmentId, String token, String status) {
	}

}
