package com.mclass.enrollment.seat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.enrollment.Api;
import com.mclass.platform.test.Burst;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.enrollment.enrollment.EnrollmentPolicy;
import com.mclass.enrollment.enrollment.EnrollmentStatus;

import static org.assertj.core.api.Assertions.assertThat;

class SeatLedgerIntegrationTests extends EnrollmentIntegrationTest {

	@Autowired
	SeatLedger ledger;

	@Autowired
	SoldOutFlags soldOut;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	MeterRegistry meters;

	@Test
	@Timeout(180)
	void thousandParallelEnrollmentsNeverOversell() throws Exception {
		UUID classId = this.classes.open(Classes.firstCome(50, 30));
		int students = 1000;
		List<String> tokens = new ArrayList<>(students);
		for (int i = 0; i < students; i++) {
			tokens.add(student(UUID.randomUUID()));
		}
		double redecidedBefore = this.meters.counter("mclass.enrollment.place.redecided").count();
		ExecutorService clients = Executors.newFixedThreadPool(64);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Timed>> requests = new ArrayList<>(students);
		for (String token : tokens) {
			requests.add(clients.submit(() -> {
				go.await();
				long started = System.nanoTime();
				Api.Response response = enroll(classId, token, "{}");
				return new Timed(response, System.nanoTime() - started);
			}));
		}
		long started = System.nanoTime();
		go.countDown();
		Map<String, Integer> outcomes = new HashMap<>();
		List<Long> latencies = new ArrayList<>(students);
		for (Future<Timed> request : requests) {
			Timed timed = request.get(120, TimeUnit.SECONDS);
			Api.Response response = timed.response();
			String outcome = (response.status() == 201) ? response.data().path("status").asString()
					: response.status() + " " + response.errorCode();
			outcomes.merge(outcome, 1, Integer::sum);
			latencies.add(timed.nanos());
		}
		long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
		clients.shutdown();

		assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("APPROVED", 50, "WAITLISTED", 30, "409 CLASS_FULL", 920));
		assertThat(this.meters.counter("mclass.enrollment.place.redecided").count() - redecidedBefore)
			.as("requests that expected a seat the class no longer had, decided again on the row").isPositive();
		assertThat(countsByStatus(classId)).containsExactlyInAnyOrderEntriesOf(Map.of("APPROVED", 50, "WAITLISTED", 30));
		Ledger ledger = assertInvariants(classId);
		assertThat(ledger.approved()).isEqualTo(50);
		assertThat(ledger.waitlisted()).isEqualTo(30);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE payload::jsonb -> 'data' ->> 'mclassId' = ?",
				Integer.class, classId.toString())).as("one event per enrollment").isEqualTo(80);
		report("1,000 parallel enrollments over HTTP (64 client threads, 50 seats + 30 waitlist)", elapsedMillis, latencies);
	}

	@Test
	@Timeout(300)
	void aClassWithRoomForEveryoneSeatsEachStudentOnce() throws Exception {
		UUID classId = this.classes.open(Classes.firstCome(100_000, 0));
		int students = 800;
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < students; i++) {
			tokens.add(student(UUID.randomUUID()));
		}

		Burst<Api.Response> burst = Burst.run(students, 32, (i) -> enroll(classId, tokens.get(i), "{}"));

		assertThat(burst.answers).allSatisfy((answer) -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
		assertThat(assertInvariants(classId).approved()).isEqualTo(students);
		System.out.print(burst.report("800 seats taken in a class of 100,000 over HTTP, 32 client threads"));
	}

	@Test
	void oneStudentAtATimeIsAnsweredInAboutOneCommit() {
		UUID classId = this.classes.open(Classes.firstCome(40, 0));
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			tokens.add(student(UUID.randomUUID()));
		}
		List<Long> latencies = new ArrayList<>();
		long started = System.nanoTime();
		for (String token : tokens) {
			long sent = System.nanoTime();
			Api.Response response = enroll(classId, token, "{}");
			latencies.add(System.nanoTime() - sent);
			assertThat(response.data().path("status").asString()).isEqualTo("APPROVED");
		}
		report("40 sequential enrollments, one client (uncontended)", (System.nanoTime() - started) / 1_000_000, latencies);
		assertThat(assertInvariants(classId).approved()).isEqualTo(40);
	}

	@Test
	void everyAllocationPlacesTheApplicantAsThePolicySays() {
		UUID classId = this.classes.open(Classes.firstCome(3, 2));
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		for (int applicant = 0; applicant < 7; applicant++) {
			ClassSeats before = this.ledger.find(classId).orElseThrow();
			Optional<EnrollmentStatus> expected = EnrollmentPolicy.placementFor(before.selectionType(), before.approved() + before.offered(),
					before.capacity(), before.allowWaitlist(), before.waitlisted(), before.waitlistCapacity());
			Optional<Placement> placed = transactions.execute((status) -> this.ledger.allocate(classId));
			assertThat(placed.map(EnrollmentStatus::of)).as("applicant %d", applicant).isEqualTo(expected);
		}
		ClassSeats full = this.ledger.find(classId).orElseThrow();
		assertThat(full.approved()).isEqualTo(3);
		assertThat(full.waitlisted()).isEqualTo(2);
		// Leave the ledger as the enrollments are (none): these allocations had no enrollment behind them.
		this.jdbc.update("UPDATE seat_ledger SET approved = 0, waitlisted = 0 WHERE class_id = ?", classId);
	}

	/**
	 * The allocation statement is the status rule the hot path runs (one statement on the hot row); EnrollmentPolicy
	 * states the same rule in Java for the places that reason about it. This walks every branch — first come with a
	 * waitlist, without one, with a zero-place waitlist, review, seats free, seats gone (approved or offered), waitlist gone — on real
	 * PostgreSQL, each state set on the ledger row and rolled back after the statement ran.
	 */
	@Test
	void theAllocationStatementPlacesExactlyAsEnrollmentPolicySaysInEveryLedgerState() {
		UUID classId = this.classes.open(Classes.firstCome(2, 2));
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		int checked = 0;
		Map<String, Integer> outcomes = new HashMap<>();
		for (SelectionType selectionType : SelectionType.values()) {
			for (int capacity : new int[] { 0, 2 }) {
				for (int held = 0; held <= capacity; held++) {
					for (boolean allowWaitlist : new boolean[] { true, false }) {
						for (int waitlistCapacity : new int[] { 0, 2 }) {
							for (int waitlisted = 0; waitlisted <= waitlistCapacity; waitlisted++) {
								Optional<EnrollmentStatus> expected = EnrollmentPolicy.placementFor(selectionType, held, capacity,
										allowWaitlist, waitlisted, waitlistCapacity);
								// Seats held are approved or offered (held for a waiting student): both count against capacity.
								int offered = held / 2;
								int approved = held - offered;
								String state = String.format("%s approved=%d offered=%d/%d waitlist(allowed=%s)=%d/%d", selectionType,
										approved, offered, capacity, allowWaitlist, waitlisted, waitlistCapacity);
								int[] counters = { capacity, waitlistCapacity, approved, waitlisted, offered };
								Optional<Placement> placed = transactions.execute((status) -> {
									status.setRollbackOnly();
									this.jdbc.update("UPDATE seat_ledger SET selection_type = ?, capacity = ?, waitlist_capacity = ?, "
											+ "allow_waitlist = ?, approved = ?, waitlisted = ?, offered = ?, applied = 0 WHERE class_id = ?",
											selectionType.name(), counters[0], counters[1], allowWaitlist, counters[2], counters[3], counters[4],
											classId);
									return this.ledger.allocate(classId);
								});
								assertThat(placed.map(EnrollmentStatus::of)).as(state).isEqualTo(expected);
								// The hot path takes the place a snapshot expects with SeatLedger.take: each of its statements
								// must take exactly the place ALLOCATE would have given, and count it where ALLOCATE does.
								for (Placement expecting : List.of(Placement.APPROVED, Placement.WAITLISTED, Placement.APPLIED)) {
									List<Integer> after = transactions.execute((status) -> {
										status.setRollbackOnly();
										this.jdbc.update("UPDATE seat_ledger SET selection_type = ?, capacity = ?, waitlist_capacity = ?, "
												+ "allow_waitlist = ?, approved = ?, waitlisted = ?, offered = ?, applied = 0 WHERE class_id = ?",
												selectionType.name(), counters[0], counters[1], allowWaitlist, counters[2], counters[3],
												counters[4], classId);
										return this.ledger.take(classId, expecting) ? this.jdbc.queryForObject(
												"SELECT approved, waitlisted, applied FROM seat_ledger WHERE class_id = ?",
												(rs, row) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)), classId) : null;
									});
									boolean shouldTake = expected.map(EnrollmentStatus::name).filter(expecting.name()::equals).isPresent();
									assertThat(after != null).as(state + " take " + expecting).isEqualTo(shouldTake);
									if (after != null) {
										assertThat(after).as(state + " counters after take " + expecting).isEqualTo(List.of(
												approved + ((expecting == Placement.APPROVED) ? 1 : 0),
												waitlisted + ((expecting == Placement.WAITLISTED) ? 1 : 0),
												(expecting == Placement.APPLIED) ? 1 : 0));
									}
								}
								outcomes.merge(expected.map(Enum::name).orElse("CLASS_FULL"), 1, Integer::sum);
								checked++;
							}
						}
					}
				}
			}
		}
		assertThat(checked).isEqualTo(64);
		assertThat(outcomes).as("every branch of the rule was reached").containsOnlyKeys("APPROVED", "WAITLISTED", "APPLIED",
				"CLASS_FULL");
		assertThat(this.ledger.find(classId).orElseThrow().approved()).as("every state was rolled back").isZero();
	}

	@Test
	void aSoldOutClassIsRefusedFromTheFlagUntilASeatIsFreedAnywhere() {
		UUID classId = this.classes.open(Classes.firstCome(1, 0));
		UUID first = UUID.randomUUID();
		Api.Response approved = enroll(classId, student(first), "{}");
		assertThat(approved.status()).isEqualTo(201);
		assertThat(this.soldOut.read(classId).soldOut()).isFalse();

		Api.Response full = enroll(classId, student(UUID.randomUUID()), "{}");
		assertThat(full.status()).isEqualTo(409);
		assertThat(full.errorCode()).isEqualTo("CLASS_FULL");
		assertThat(this.soldOut.read(classId).soldOut()).as("flag set from the committed full ledger").isTrue();

		// While the flag holds, the ledger row is not asked: a seat added behind the service's back goes unnoticed.
		this.jdbc.update("UPDATE seat_ledger SET capacity = 2 WHERE class_id = ?", classId);
		assertThat(enroll(classId, student(UUID.randomUUID()), "{}").errorCode()).isEqualTo("CLASS_FULL");
		this.jdbc.update("UPDATE seat_ledger SET capacity = 1 WHERE class_id = ?", classId);

		// Any committed release invalidates the flag at once, on every replica.
		Api.Response canceled = cancel(classId, UUID.fromString(approved.data().path("id").asString()), student(first));
		assertThat(canceled.status()).isEqualTo(200);
		assertThat(this.soldOut.read(classId).soldOut()).isFalse();
		Api.Response next = enroll(classId, student(UUID.randomUUID()), "{}");
		assertThat(next.status()).isEqualTo(201);
		assertThat(next.data().path("status").asString()).isEqualTo("APPROVED");
		assertInvariants(classId);
	}

	private void report(String what, long elapsedMillis, List<Long> latencies) {
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		Timer enrolling = this.meters.find("mclass.enrollment.enrolling").timer();
		StringBuilder server = new StringBuilder();
		if (enrolling != null) {
			for (ValueAtPercentile percentile : enrolling.takeSnapshot().percentileValues()) {
				server.append(String.format(" p%.0f=%.1fms", percentile.percentile() * 100, percentile.value(TimeUnit.MILLISECONDS)));
			}
		}
		System.out.printf("%n[measured] %s: %d ms in all; client latency p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms; "
				+ "server use case (whole run so far):%s%n%n", what, elapsedMillis, millis(sorted, 0.50), millis(sorted, 0.95),
				millis(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6, server);
	}

	private static double millis(List<Long> sorted, double percentile) {
		int index = (int) Math.ceil(percentile * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	private record Timed(Api.Response response, long nanos) {
	}

}
