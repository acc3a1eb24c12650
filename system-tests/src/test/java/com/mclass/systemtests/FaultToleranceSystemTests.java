package com.mclass.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.mclass.launcher.LocalPlatform;
import com.mclass.launcher.PlatformService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults during a rush, on a platform of their own ({@link FaultPlatform}): a few hundred students enroll through the
 * gateway at once in a class with fewer seats and waitlist places than students, while one thing breaks — a service
 * killed with SIGKILL and restarted, Redis paused, the Kafka broker stopped, the mail server refusing mail, the
 * database connections of enrollment-service terminated. The clients retry outages with the same
 * {@code Idempotency-Key}, as a real client does. Afterwards every phase checks:
 * <ul>
 * <li>no 500 at any time; every outage answer (5xx, connection error) lies inside the fault's window, and every 503
 * carries {@code Retry-After};</li>
 * <li>every student got a final answer: exactly {@code capacity} approved, {@code waitlist} waitlisted, the rest
 * {@code CLASS_FULL};</li>
 * <li>the seat ledger equals the enrollment rows, and the availability API says the same;</li>
 * <li>every 201 is a stored enrollment, and every stored enrollment was answered with a 201;</li>
 * <li>the event outbox is drained, and every enrollment event became exactly one email in the mail sink.</li>
 * </ul>
 * The figures of every phase (requests, answers by kind, outage, recovery) are printed as a table at the end.
 * Durations: {@code -Dmclass.chaos.redis-pause-seconds} (10), {@code -Dmclass.chaos.kafka-outage-seconds} (30),
 * {@code -Dmclass.chaos.students} (200).
 */
@Tag("chaos")
@ExtendWith(FaultPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
class FaultToleranceSystemTests {

	private static final int STUDENTS = Integer.getInteger("mclass.chaos.students", 200);

	private static final int CAPACITY = STUDENTS * 3 / 5;

	private static final int WAITLIST = STUDENTS / 5;

	private static final Duration REDIS_PAUSE = Duration.ofSeconds(Long.getLong("mclass.chaos.redis-pause-seconds", 10));

	private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(Long.getLong("mclass.chaos.kafka-outage-seconds", 30));

	private static final Duration SMTP_REFUSAL = Duration.ofSeconds(8);

	/** After a fault ends, outage answers to requests already under way may still arrive for this long. */
	private static final Duration GRACE = Duration.ofSeconds(5);

	/** How long after the rush began the fault strikes: most students' requests are still to come. */
	private static final Duration FAULT_AFTER = Duration.ofSeconds(1);

	private final List<Row> table = Collections.synchronizedList(new ArrayList<>());

	private LocalPlatform platform;

	private Gateway gateway;

	private MailInbox inbox;

	private String admin;

	private List<Rush.Student> students;

	@BeforeAll
	@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
	void signUpTheStudents(LocalPlatform platform, Gateway gateway, MailInbox inbox) throws Exception {
		this.platform = platform;
		this.gateway = gateway;
		this.inbox = inbox;
		this.admin = Accounts.adminToken(gateway);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<Rush.Student>> signUps = new ArrayList<>();
			for (int i = 0; i < STUDENTS; i++) {
				int number = i;
				signUps.add(threads.submit(() -> signUp(gateway, "수강생" + number)));
			}
			List<Rush.Student> all = new ArrayList<>();
			for (Future<Rush.Student> signUp : signUps) {
				all.add(signUp.get());
			}
			this.students = List.copyOf(all);
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * Registers a student as a patient client does: on a slow machine a registration may time out at the gateway (504)
	 * after auth-service created the account, so a retry that finds the address taken signs in instead.
	 */
	private static Rush.Student signUp(Gateway gateway, String name) throws InterruptedException {
		String email = "chaos-" + UUID.randomUUID() + "@example.com";
		for (int attempt = 1; attempt <= 10; attempt++) {
			try {
				Rush.Student student = trySignUp(gateway, name, email);
				if (student != null) {
					return student;
				}
			}
			catch (IllegalStateException ex) {
				// No answer within the client's timeout: try again.
			}
			Thread.sleep(1000L * attempt);
		}
		throw new IllegalStateException("Could not sign up " + email);
	}

	private static Rush.Student trySignUp(Gateway gateway, String name, String email) {
		String password = "correct horse battery staple";
		Gateway.Reply terms = gateway.get("/api/terms", Map.of());
		if (terms.status() != 200) {
			return null;
		}
		List<String> required = new ArrayList<>();
		for (JsonNode term : terms.json().path("data")) {
			if (term.path("isRequired").asBoolean()) {
				required.add("\"" + term.path("id").asString() + "\"");
			}
		}
		Gateway.Reply reply = gateway.post("/api/auth/register", """
				{"email":"%s","password":"%s","name":"%s","termIds":[%s]}""".formatted(email, password, name,
				String.join(",", required)), Map.of());
		if (reply.status() == 409) {
			reply = gateway.post("/api/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password),
					Map.of());
		}
		if (reply.status() != 200 && reply.status() != 201) {
			return null;
		}
		JsonNode tokens = reply.json().path("data");
		return new Rush.Student(tokens.path("user").path("id").asString(), email, tokens.path("accessToken").asString());
	}

	@Test
	@Order(1)
	void enrollmentServiceKilledMidRushAndRestartedLosesAndDoublesNothing() throws Exception {
		phase("kill -9 enrollment-service", Duration.ofSeconds(3), () -> {
			this.platform.kill(PlatformService.ENROLLMENT);
			this.platform.restart(PlatformService.ENROLLMENT);
		}, Expect.OUTAGE);
	}

	@Test
	@Order(2)
	void notificationServiceKilledMidRushAndRestartedSendsEveryMailOnce() throws Exception {
		// The one repeat the sender cannot rule out: the SMTP server took the email in flight at the kill, and the
		// process died before recording it. It is sent again with the same Message-ID, by which receivers drop it.
		phase("kill -9 notification-service", Duration.ofSeconds(3), () -> {
			this.platform.kill(PlatformService.NOTIFICATION);
			this.platform.restart(PlatformService.NOTIFICATION);
		}, Expect.NO_OUTAGE, 1);
	}

	@Test
	@Order(3)
	void gatewayKilledMidRushAndRestartedLosesAndDoublesNothing() throws Exception {
		phase("kill -9 gateway", Duration.ofSeconds(3), () -> {
			this.platform.kill(PlatformService.GATEWAY);
			this.platform.restart(PlatformService.GATEWAY);
		}, Expect.OUTAGE);
	}

	/**
	 * {@code CLIENT PAUSE … ALL}: every command of every client waits, reads included, as with a Redis that hangs.
	 * ({@code WRITE} would let the revocation lookups, which only read, through and test less.) The pause ends by
	 * itself; on a shared Redis it holds up everyone's commands for that long.
	 */
	@Test
	@Order(4)
	void redisUnresponsiveMidRushAnswers503WithRetryAfterAndRecovers() throws Exception {
		phase("Redis paused " + REDIS_PAUSE.toSeconds() + " s", Duration.ofSeconds(3), () -> {
			String answer = RedisCommands.send(this.platform.redisHost(), this.platform.redisPort(), "CLIENT", "PAUSE",
					String.valueOf(REDIS_PAUSE.toMillis()), "ALL");
			assertThat(answer).isEqualTo("+OK");
			Thread.sleep(REDIS_PAUSE.toMillis());
		}, Expect.OUTAGE);
	}

	@Test
	@Order(5)
	void kafkaDownMidRushLetsEnrollmentsSucceedAndDeliversEveryEventOnceAfter() throws Exception {
		// The rush spreads over most of the outage: enrolling never waits on the broker.
		phase("Kafka broker stopped " + KAFKA_OUTAGE.toSeconds() + " s", KAFKA_OUTAGE.multipliedBy(2).dividedBy(3), () -> {
			this.platform.stopKafka();
			Thread.sleep(KAFKA_OUTAGE.toMillis());
			this.platform.startKafka();
		}, Expect.NO_OUTAGE);
	}

	@Test
	@Order(6)
	void mailRefusedForAWhileIsRetriedAndDeliveredOnceEach() throws Exception {
		long refusedBefore = this.platform.refusedMailCount();
		phase("SMTP refusing mail " + SMTP_REFUSAL.toSeconds() + " s", Duration.ofSeconds(3), () -> {
			this.platform.refuseMail("451 4.3.0 mail sink refusing mail for a while");
			Thread.sleep(SMTP_REFUSAL.toMillis());
			this.platform.acceptMail();
		}, Expect.NO_OUTAGE);
		assertThat(this.platform.refusedMailCount() - refusedBefore).as("the sink did refuse mail").isPositive();
	}

	@Test
	@Order(7)
	void databaseConnectionsTerminatedMidRushAnswer503AndLoseNothing() throws Exception {
		String database = databaseName(this.platform.jdbcUrl(PlatformService.ENROLLMENT));
		phase("pg_terminate_backend x3 (enrollment db)", Duration.ofSeconds(3), () -> {
			for (int i = 0; i < 3; i++) {
				try (Connection connection = enrollmentDatabase();
						PreparedStatement terminate = connection.prepareStatement("""
								SELECT pg_terminate_backend(pid) FROM pg_stat_activity
								 WHERE datname = ? AND pid <> pg_backend_pid()""")) {
					terminate.setString(1, database);
					terminate.executeQuery().close();
				}
				Thread.sleep(700);
			}
		}, Expect.OUTAGE);
	}

	@AfterAll
	void printTheFigures() {
		StringBuilder out = new StringBuilder("\nFault tests: ").append(STUDENTS).append(" students per rush, class of ")
			.append(CAPACITY).append(" + ").append(WAITLIST).append(" waitlist\n");
		out.append(String.format(Locale.ROOT, "| %-40s | %8s | %5s | %5s | %5s | %10s | %10s | %10s | %12s | %10s | %6s |%n", "fault",
				"requests", "2xx", "4xx", "503", "other 5xx", "conn. err.", "fault (s)", "recovery (s)", "settled (s)",
				"mails"));
		out.append("|").append("-".repeat(42)).append("|").append("-".repeat(10)).append(("|" + "-".repeat(7)).repeat(3))
			.append(("|" + "-".repeat(12)).repeat(3)).append("|").append("-".repeat(14)).append("|").append("-".repeat(12))
			.append("|").append("-".repeat(8)).append("|\n");
		for (Row row : this.table) {
			out.append(String.format(Locale.ROOT, "| %-40s | %8d | %5d | %5d | %5d | %10d | %10d | %10.1f | %12s | %10.1f | %6d |%n",
					row.fault(), row.requests(), row.ok(), row.clientErrors(), row.unavailable(), row.otherServerErrors(),
					row.connectionErrors(), row.faultSeconds(),
					(row.recoverySeconds() < 0) ? "-" : String.format(Locale.ROOT, "%.1f", row.recoverySeconds()),
					row.settledSeconds(), row.mails()));
		}
		System.out.println(out);
	}

	private enum Expect {

		/** Enrolling itself is hit: outage answers are allowed inside the fault's window (and retried). */
		OUTAGE,

		/** Enrolling does not depend on what fails: no outage answer at all. */
		NO_OUTAGE

	}

	@FunctionalInterface
	private interface Fault {

		void strike() throws Exception;

	}

	private void phase(String name, Duration spread, Fault fault, Expect expect) throws Exception {
		phase(name, spread, fault, expect, 0);
	}

	/**
	 * @param emailsInFlight how many emails may reach the sink twice: those a killed sender had handed to the SMTP
	 * server but not yet recorded as sent (one per kill, the sender works through its batch one email at a time)
	 */
	private void phase(String name, Duration spread, Fault fault, Expect expect, int emailsInFlight) throws Exception {
		String classId = createClass();
		Rush rush = new Rush(this.gateway.url(), 16, spread, Duration.ofMinutes(6));
		Rush.Running running = rush.start(classId, this.students);
		Thread.sleep(Math.max(0, running.startedAt() + FAULT_AFTER.toNanos() - System.nanoTime()) / 1_000_000);
		long faultStart = System.nanoTime();
		fault.strike();
		long faultEnd = System.nanoTime();
		List<Rush.Outcome> outcomes = running.await(Duration.ofMinutes(7));
		List<Rush.Attempt> attempts = rush.attempts();

		long settledAt = awaitSettled(classId);
		Row row = Row.of(name, attempts, faultStart, faultEnd, settledAt, mailsOfClass(classId).size());
		this.table.add(row);
		System.out.println("Fault phase done: " + row);

		// No 500 ever; outage answers only inside the window; every 503 says when to retry.
		assertThat(attempts).filteredOn((attempt) -> attempt.status() == 500).as("500 answers").isEmpty();
		long windowEnd = faultEnd + GRACE.toNanos();
		Predicate<Rush.Attempt> insideWindow = (attempt) -> attempt.answeredAt() >= faultStart
				&& attempt.answeredAt() <= windowEnd;
		if (expect == Expect.NO_OUTAGE) {
			assertThat(attempts).filteredOn(Rush.Attempt::isOutage).as("outage answers, though enrolling does not need %s", name)
				.isEmpty();
		}
		assertThat(attempts).filteredOn(Rush.Attempt::isOutage)
			.as("outage answers outside the fault's window")
			.allMatch(insideWindow);
		assertThat(attempts).filteredOn((attempt) -> attempt.status() == 503)
			.as("503 answers without Retry-After")
			.allMatch((attempt) -> attempt.retryAfter() != null);

		// Every student got a final answer; exactly the seats and waitlist places were handed out.
		assertThat(outcomes).as("final answers").allMatch((outcome) -> outcome.status() == 201 || outcome.status() == 409);
		Map<String, String> answeredStatus = new HashMap<>();
		for (Rush.Outcome outcome : outcomes) {
			JsonNode body = Gateway.json.readTree(outcome.body());
			if (outcome.status() == 201) {
				answeredStatus.put(body.path("data").path("id").asString(), body.path("data").path("status").asString());
			}
			else {
				assertThat(body.path("error").path("code").asString()).as(outcome.body()).isIn("CLASS_FULL", "WAITLIST_FULL");
			}
		}
		assertThat(answeredStatus.values().stream().filter("APPROVED"::equals).count()).isEqualTo(CAPACITY);
		assertThat(answeredStatus.values().stream().filter("WAITLISTED"::equals).count()).isEqualTo(WAITLIST);

		// Every 201 is a stored enrollment with the status it was answered with, and nothing else is stored.
		Map<String, String> stored = storedEnrollments(classId);
		assertThat(stored).as("stored enrollments = the 201 answers").isEqualTo(answeredStatus);
		Ledger ledger = ledger(classId);
		assertThat(ledger.approved()).as("ledger approved = APPROVED rows").isEqualTo(CAPACITY);
		assertThat(ledger.waitlisted()).as("ledger waitlisted = WAITLISTED rows").isEqualTo(WAITLIST);
		JsonNode availability = this.gateway.get("/api/mclasses/" + classId + "/availability", Map.of()).json().path("data");
		assertThat(availability.path("approved").asInt()).isEqualTo(CAPACITY);
		assertThat(availability.path("waitlisted").asInt()).isEqualTo(WAITLIST);

		// Outbox drained; each enrollment event became exactly one email, and the sink got each exactly once.
		assertThat(unpublishedEvents()).as("unpublished outbox events").isZero();
		Map<String, String> emailByEvent = emailsByEvent(eventsOfClass(classId));
		assertThat(emailByEvent).as("one email per enrollment event").hasSize(CAPACITY + WAITLIST);
		Map<String, Long> received = mailsOfClass(classId);
		assertThat(received.keySet()).as("every email reached the sink").containsAll(emailByEvent.values());
		assertThat(received).as("emails received more than twice").allSatisfy((id, times) -> assertThat(times).isLessThanOrEqualTo(2));
		Map<String, Long> repeated = new HashMap<>(received);
		repeated.values().removeIf((times) -> times == 1);
		assertThat(repeated).as("emails received twice (the same Message-ID again)").hasSizeLessThanOrEqualTo(emailsInFlight);
	}

	/** Waits until the outbox is drained and every enrollment event of the class has reached the sink. */
	private long awaitSettled(String classId) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			if (unpublishedEvents() == 0) {
				Map<String, String> emails = emailsByEvent(eventsOfClass(classId));
				if (emails.size() == CAPACITY + WAITLIST && mailsOfClass(classId).keySet().containsAll(emails.values())) {
					long settled = System.nanoTime();
					Thread.sleep(1000); // a duplicate would show up within a moment
					return settled;
				}
			}
			Thread.sleep(500);
		}
		return System.nanoTime();
	}

	private String createClass() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Gateway.Reply created = this.gateway.post("/api/mclasses", """
				{"title":"장애 테스트 클래스 %s","description":"","capacity":%d,"waitlistCapacity":%d,"allowWaitlist":true,
				 "visibility":"PUBLIC","selectionType":"FIRST_COME","isOnline":true,"fee":0,
				 "recruitStartAt":"%s","recruitEndAt":"%s","startAt":"%s","endAt":"%s"}"""
			.formatted(UUID.randomUUID(), CAPACITY, WAITLIST, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS),
					now.plus(2, ChronoUnit.DAYS), now.plus(3, ChronoUnit.DAYS)),
				Gateway.bearer(this.admin));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("data").path("id").asString();
	}

	private Connection enrollmentDatabase() throws SQLException {
		return DriverManager.getConnection(this.platform.jdbcUrl(PlatformService.ENROLLMENT), this.platform.databaseUser(),
				this.platform.databasePassword());
	}

	private Connection notificationDatabase() throws SQLException {
		return DriverManager.getConnection(this.platform.jdbcUrl(PlatformService.NOTIFICATION), this.platform.databaseUser(),
				this.platform.databasePassword());
	}

	private static String databaseName(String jdbcUrl) {
		String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
		int query = path.indexOf('?');
		return (query >= 0) ? path.substring(0, query) : path;
	}

	private Map<String, String> storedEnrollments(String classId) throws SQLException {
		Map<String, String> stored = new HashMap<>();
		try (Connection connection = enrollmentDatabase();
				PreparedStatement query = connection.prepareStatement("select id, status from enrollment where mclass_id = ?")) {
			query.setObject(1, UUID.fromString(classId));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					stored.put(rows.getString("id"), rows.getString("status"));
				}
			}
		}
		return stored;
	}

	private record Ledger(int approved, int waitlisted, int approvedRows, int waitlistedRows) {
	}

	private Ledger ledger(String classId) throws SQLException {
		try (Connection connection = enrollmentDatabase(); PreparedStatement query = connection.prepareStatement("""
				select l.approved, l.waitlisted,
				       (select count(*) from enrollment e where e.mclass_id = l.class_id and e.status = 'APPROVED') as approved_rows,
				       (select count(*) from enrollment e where e.mclass_id = l.class_id and e.status = 'WAITLISTED') as waitlisted_rows
				  from seat_ledger l where l.class_id = ?""")) {
			query.setObject(1, UUID.fromString(classId));
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).as("a ledger row for the class").isTrue();
				Ledger ledger = new Ledger(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4));
				assertThat(ledger.approved()).as("ledger approved = APPROVED rows").isEqualTo(ledger.approvedRows());
				assertThat(ledger.waitlisted()).as("ledger waitlisted = WAITLISTED rows").isEqualTo(ledger.waitlistedRows());
				return ledger;
			}
		}
	}

	private long unpublishedEvents() throws SQLException {
		try (Connection connection = enrollmentDatabase();
				PreparedStatement query = connection.prepareStatement("select count(*) from outbox_event where published_at is null");
				ResultSet row = query.executeQuery()) {
			row.next();
			return row.getLong(1);
		}
	}

	/** The ids of the enrollment events about the class, as published (the envelope's {@code id}). */
	private List<String> eventsOfClass(String classId) throws SQLException {
		List<String> events = new ArrayList<>();
		try (Connection connection = enrollmentDatabase(); PreparedStatement query = connection.prepareStatement("""
				select payload::jsonb ->> 'id' from outbox_event
				 where topic = 'mclass.enrollment.events' and payload::jsonb -> 'data' ->> 'mclassId' = ?""")) {
			query.setString(1, classId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					events.add(rows.getString(1));
				}
			}
		}
		return events;
	}

	/** Event id → email id, for the events that have an email (each at most one: the column is unique). */
	private Map<String, String> emailsByEvent(List<String> eventIds) throws SQLException {
		Map<String, String> emails = new HashMap<>();
		if (eventIds.isEmpty()) {
			return emails;
		}
		try (Connection connection = notificationDatabase();
				PreparedStatement query = connection.prepareStatement(
						"select event_id, id from email_outbox where event_id = any(?) and status = 'SENT'")) {
			query.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					emails.put(rows.getString(1), rows.getString(2));
				}
			}
		}
		return emails;
	}

	/** Email id → how many times the sink received it, for the emails of this class's events. */
	private Map<String, Long> mailsOfClass(String classId) throws SQLException {
		Set<String> ours = new HashSet<>(emailsByEventIncludingPending(eventsOfClass(classId)));
		Map<String, Long> received = new HashMap<>();
		for (JsonNode message : new Gateway(this.inbox.url()).get("/api/v1/messages?limit=0", Map.of())
			.json()
			.path("messages")) {
			String messageId = message.path("MessageID").asString();
			String emailId = messageId.endsWith("@notification.mclass") ? messageId.substring(0, messageId.indexOf('@')) : null;
			if (emailId != null && ours.contains(emailId)) {
				received.merge(emailId, 1L, Long::sum);
			}
		}
		return received;
	}

	private List<String> emailsByEventIncludingPending(List<String> eventIds) throws SQLException {
		if (eventIds.isEmpty()) {
			return List.of();
		}
		try (Connection connection = notificationDatabase();
				PreparedStatement query = connection.prepareStatement("select id from email_outbox where event_id = any(?)")) {
			query.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
			List<String> ids = new ArrayList<>();
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getString(1));
				}
			}
			return ids;
		}
	}

	/** One line of the figures table. */
	record Row(String fault, int requests, int ok, int clientErrors, int unavailable, int otherServerErrors,
			int connectionErrors, double faultSeconds, double recoverySeconds, double settledSeconds, int mails) {

		static Row of(String fault, List<Rush.Attempt> attempts, long faultStart, long faultEnd, long settledAt, int mails) {
			int ok = 0;
			int clientErrors = 0;
			int unavailable = 0;
			int otherServerErrors = 0;
			int connectionErrors = 0;
			long firstSuccessAfterFault = Long.MAX_VALUE;
			for (Rush.Attempt attempt : attempts) {
				int status = attempt.status();
				if (status == Rush.CONNECTION_ERROR) {
					connectionErrors++;
				}
				else if (status == 503) {
					unavailable++;
				}
				else if (status >= 500) {
					otherServerErrors++;
				}
				else if (status >= 400) {
					clientErrors++;
				}
				else {
					ok++;
				}
				if (!attempt.isOutage() && attempt.answeredAt() >= faultEnd) {
					firstSuccessAfterFault = Math.min(firstSuccessAfterFault, attempt.answeredAt());
				}
			}
			double recovery = (firstSuccessAfterFault == Long.MAX_VALUE) ? -1 : seconds(firstSuccessAfterFault - faultEnd);
			return new Row(fault, attempts.size(), ok, clientErrors, unavailable, otherServerErrors, connectionErrors,
					seconds(faultEnd - faultStart), recovery, seconds(settledAt - faultEnd), mails);
		}

		private static double seconds(long nanos) {
			return nanos / 1e9;
		}

	}

}
