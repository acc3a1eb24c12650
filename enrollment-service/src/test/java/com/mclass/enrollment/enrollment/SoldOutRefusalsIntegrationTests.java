package com.mclass.enrollment.enrollment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.mclass.enrollment.Api;
import com.mclass.platform.test.Burst;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.enrollment.seat.SoldOutFlags;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sold-out first-come class answers without a PostgreSQL transaction (the refusal is stored with its key in Redis),
 * and every promise of the database path still holds: replays byte for byte, a reused key refused, the student who
 * holds a place told so, and a freed place enrollable as soon as the request that freed it was answered.
 */
class SoldOutRefusalsIntegrationTests extends EnrollmentIntegrationTest {

	@Autowired
	SoldOutFlags soldOut;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void aSoldOutClassRefusesFromRedisAndReplaysTheRefusalByteForByte() {
		UUID classId = this.classes.open(Classes.firstCome(1, 0));
		UUID holder = UUID.randomUUID();
		Api.Response seat = enroll(classId, student(holder), "seat", "{}");
		assertThat(seat.status()).isEqualTo(201);
		UUID first = UUID.randomUUID();
		Api.Response decidedByTheDatabase = enroll(classId, student(first), "first-refusal", "{}");
		assertThat(decidedByTheDatabase.errorCode()).isEqualTo("CLASS_FULL");
		assertThat(this.soldOut.read(classId).soldOut()).as("flag set after the UPDATE matched nothing").isTrue();

		UUID late = UUID.randomUUID();
		Api.Response refused = enroll(classId, student(late), "late", "{}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.errorCode()).isEqualTo("CLASS_FULL");
		assertThat(refused.header("Idempotent-Replayed")).isEmpty();
		assertThat(recordsInTheDatabase(late)).as("no transaction stored anything for the refusal").isZero();
		assertThat(this.redis.hasKey("mclass:enrollment:idempotency:" + late + ":late")).isTrue();

		Api.Response replay = enroll(classId, student(late), "late", "{ }");
		assertThat(replay.status()).isEqualTo(409);
		assertThat(replay.body()).isEqualTo(refused.body());
		assertThat(replay.header("Idempotent-Replayed")).hasValue("true");

		Api.Response otherBody = enroll(classId, student(late), "late", "{\"q\":\"x\"}");
		assertThat(otherBody.status()).isEqualTo(422);
		assertThat(otherBody.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		UUID otherClass = this.classes.open(Classes.firstCome(5, 0));
		Api.Response otherClassSameKey = enroll(otherClass, student(late), "late", "{}");
		assertThat(otherClassSameKey.status()).as("the key belongs to the refused request").isEqualTo(422);
		assertThat(countsByStatus(otherClass)).isEmpty();

		// Keys the database decided are still answered by it, while the class is sold out.
		Api.Response seatReplay = enroll(classId, student(holder), "seat", "{}");
		assertThat(seatReplay.status()).isEqualTo(201);
		assertThat(seatReplay.body()).isEqualTo(seat.body());
		assertThat(seatReplay.header("Idempotent-Replayed")).hasValue("true");
		Api.Response firstReplay = enroll(classId, student(first), "first-refusal", "{}");
		assertThat(firstReplay.body()).isEqualTo(decidedByTheDatabase.body());
		assertThat(firstReplay.header("Idempotent-Replayed")).hasValue("true");
		assertInvariants(classId);
	}

	@Test
	void theStudentHoldingAPlaceIsToldSoAndARejectedOneToo() {
		UUID classId = this.classes.open(Classes.firstCome(2, 0));
		UUID holder = UUID.randomUUID();
		assertThat(enroll(classId, student(holder), "{}").status()).isEqualTo(201);
		assertThat(enroll(classId, student(UUID.randomUUID()), "{}").status()).isEqualTo(201);
		assertThat(enroll(classId, student(UUID.randomUUID()), "{}").errorCode()).isEqualTo("CLASS_FULL");
		assertThat(this.soldOut.read(classId).soldOut()).isTrue();

		Api.Response again = enroll(classId, student(holder), "again", "{}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.errorCode()).isEqualTo("ALREADY_ENROLLED");
		assertThat(recordsInTheDatabase(holder)).as("only the seat's record").isEqualTo(1);
		Api.Response replay = enroll(classId, student(holder), "again", "{}");
		assertThat(replay.body()).isEqualTo(again.body());
		assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
		assertThat(this.soldOut.read(classId).soldOut()).as("nothing was freed").isTrue();
	}

	@Test
	void aPlaceFreedIsEnrollableAsSoonAsTheCancelWasAnswered() {
		UUID classId = this.classes.open(Classes.firstCome(1, 0));
		UUID holder = UUID.randomUUID();
		Api.Response seat = enroll(classId, student(holder), "{}");
		assertThat(enroll(classId, student(UUID.randomUUID()), "{}").errorCode()).isEqualTo("CLASS_FULL");
		for (int round = 0; round < 5; round++) {
			assertThat(this.soldOut.read(classId).soldOut()).as("round %d: sold out", round).isTrue();
			assertThat(enroll(classId, student(UUID.randomUUID()), "{}").errorCode()).isEqualTo("CLASS_FULL");

			assertThat(cancel(classId, UUID.fromString(seat.data().path("id").asString()), student(holder)).status()).isEqualTo(200);
			holder = UUID.randomUUID();
			seat = enroll(classId, student(holder), "{}");
			assertThat(seat.status()).as("round %d: the freed seat is taken at once", round).isEqualTo(201);
			assertThat(enroll(classId, student(UUID.randomUUID()), "{}").errorCode()).isEqualTo("CLASS_FULL");
		}
		assertThat(assertInvariants(classId).approved()).isEqualTo(1);
	}

	/**
	 * Students keep arriving at a class on the edge of sold out while holders cancel: no oversell, no seat left free
	 * while students keep coming (a stale flag would leave it so), replays identical, and nothing but 201/409.
	 */
	@Test
	@Timeout(180)
	void enrollsAndCancelsRacingAtTheEdgeOfSoldOutNeverOversellAndLeaveNoSeatFree() throws Exception {
		int capacity = 10;
		UUID classId = this.classes.open(Classes.firstCome(capacity, 5));
		List<Holder> holders = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < capacity + 5; i++) {
			UUID userId = UUID.randomUUID();
			Api.Response response = enroll(classId, student(userId), "{}");
			holders.add(new Holder(userId, UUID.fromString(response.data().path("id").asString())));
		}
		assertThat(enroll(classId, student(UUID.randomUUID()), "{}").errorCode()).isEqualTo("CLASS_FULL");

		AtomicBoolean arriving = new AtomicBoolean(true);
		ConcurrentLinkedQueue<Api.Response> answers = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> replayMismatches = new ConcurrentLinkedQueue<>();
		ExecutorService students = Executors.newFixedThreadPool(24);
		List<Future<?>> arrivals = new ArrayList<>();
		for (int thread = 0; thread < 24; thread++) {
			arrivals.add(students.submit(() -> {
				int sent = 0;
				while (arriving.get()) {
					UUID userId = UUID.randomUUID();
					String key = UUID.randomUUID().toString();
					Api.Response answer = enroll(classId, student(userId), key, "{}");
					answers.add(answer);
					if (answer.status() == 201) {
						holders.add(new Holder(userId, UUID.fromString(answer.data().path("id").asString())));
					}
					if (sent++ % 5 == 0) {
						Api.Response replay = enroll(classId, student(userId), key, "{}");
						if (replay.status() != answer.status() || !replay.body().equals(answer.body())
								|| replay.header("Idempotent-Replayed").isEmpty()) {
							replayMismatches.add(answer + " / " + replay);
						}
					}
				}
				return null;
			}));
		}
		int cancels = 0;
		for (int round = 0; round < 15; round++) {
			Thread.sleep(100);
			Holder leaving = holders.remove(0);
			Api.Response canceled = cancel(classId, leaving.enrollmentId(), student(leaving.userId()));
			assertThat(canceled.status()).isEqualTo(200);
			cancels++;
		}
		Thread.sleep(1500); // students keep coming after the last cancel: every freed place must be taken again
		arriving.set(false);
		for (Future<?> arrival : arrivals) {
			arrival.get(60, TimeUnit.SECONDS);
		}
		students.shutdown();

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).isIn(201, 409));
		assertThat(answers).filteredOn((answer) -> answer.status() == 409)
			.allSatisfy((answer) -> assertThat(answer.errorCode()).isEqualTo("CLASS_FULL"));
		assertThat(replayMismatches).isEmpty();
		long taken = answers.stream().filter((answer) -> answer.status() == 201).count();
		assertThat(taken).as("each of the %d freed places was taken again, and no more", cancels).isEqualTo(cancels);
		Ledger ledger = assertInvariants(classId);
		assertThat(ledger.approved()).isEqualTo(capacity);
		assertThat(ledger.waitlisted()).isEqualTo(5);
		System.out.printf("%n[measured] %d enroll answers while %d cancels raced them: %d taken, %d CLASS_FULL%n%n", answers.size(),
				cancels, taken, answers.size() - taken);
	}

	@Test
	@Timeout(300)
	void aBurstOfRefusalsStoresNothingInTheDatabase() throws Exception {
		UUID classId = this.classes.open(Classes.firstCome(1, 0));
		assertThat(enroll(classId, student(UUID.randomUUID()), "{}").status()).isEqualTo(201);
		assertThat(enroll(classId, student(UUID.randomUUID()), "{}").errorCode()).isEqualTo("CLASS_FULL");
		int students = 2000;
		List<UUID> ids = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < students; i++) {
			ids.add(UUID.randomUUID());
			tokens.add(student(ids.get(i)));
		}

		Burst<Api.Response> burst = Burst.run(students, 32, (i) -> enroll(classId, tokens.get(i), "{}"));

		assertThat(burst.answers).allSatisfy((answer) -> assertThat(answer.errorCode()).isEqualTo("CLASS_FULL"));
		// Only while the flag is re-established after each expiry (sold-out-ttl, 10 s here) do refusals reach the
		// database: at most one request per client thread each time.
		long flagPeriods = burst.elapsedNanos / 10_000_000_000L + 1;
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE user_id = ANY(?)", Integer.class,
				(Object) ids.toArray(UUID[]::new))).as("refusals stored in the database").isLessThanOrEqualTo((int) (flagPeriods * 32));
		assertInvariants(classId);
		System.out.print(burst.report("2,000 refusals of a sold-out class over HTTP, 32 client threads"));
	}

	private int recordsInTheDatabase(UUID userId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE user_id = ?", Integer.class, userId);
	}

	private record Holder(UUID userId, UUID enrollmentId) {
	}

}
