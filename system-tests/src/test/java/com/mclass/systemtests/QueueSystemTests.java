package com.mclass.systemtests;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof of the waiting room, through the gateway: a crowd of students rushes a class an admin put behind the room.
 * Every student gets one ticket, admissions follow issue order exactly (the admission log), every admitted student
 * enrolls, the seats come out exact, and a sample watching the live stream sees its place and its final status.
 * ({@code ./mclass bench queue} runs the same with 5,000 students against a running platform.)
 */
@ExtendWith(RunningPlatform.class)
class QueueSystemTests {

	private static final int STUDENTS = 300;

	private static final int WATCHERS = 50;

	private static final int CAPACITY = 100;

	private static final int WAITLIST = 50;

	@Test
	@Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES) // 300 sign-ups (password hashing) come first
	void aRushThroughTheWaitingRoomAdmitsInOrderAndFillsTheSeatsExactly(Gateway gateway) throws Exception {
		String admin = Accounts.adminToken(gateway);
		String classId = createProtectedClass(gateway, admin);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<String> tokens = all(pool, STUDENTS, (i) -> register(gateway, "대기" + i));
			// Enrolling without a ticket is refused while the room is on, with the way in.
			Gateway.Reply refused = enroll(gateway, classId, tokens.get(0), null);
			assertThat(refused.status()).as(refused.body()).isEqualTo(409);
			assertThat(refused.json().path("error").path("code").asString()).isEqualTo("QUEUE_REQUIRED");

			List<LiveStream> watchers = new ArrayList<>();
			for (int i = 0; i < WATCHERS; i++) {
				watchers.add(LiveStream.open(gatewayUrl(gateway), classId, tokens.get(i)));
			}
			Map<String, String> ticketOf = new ConcurrentHashMap<>();
			Map<String, Integer> enrollStatus = new ConcurrentHashMap<>();
			Map<String, String> enrolledAs = new ConcurrentHashMap<>();
			List<Long> enrollMillis = java.util.Collections.synchronizedList(new ArrayList<>());
			all(pool, STUDENTS, (i) -> {
				String token = tokens.get(i);
				Gateway.Reply joined = retried(() -> gateway.post("/api/mclasses/" + classId + "/queue", "", Gateway.bearer(token)));
				assertThat(joined.status()).as(joined.body()).isEqualTo(201);
				String ticket = joined.json().path("data").path("ticket").asString();
				Gateway.Reply again = retried(() -> gateway.post("/api/mclasses/" + classId + "/queue", "", Gateway.bearer(token)));
				assertThat(again.json().path("data").path("ticket").asString()).as("one ticket per student").isEqualTo(ticket);
				ticketOf.put(token, ticket);
				boolean admitted = joined.json().path("data").path("admitted").asBoolean();
				long deadline = System.currentTimeMillis() + 120_000;
				while (!admitted) {
					assertThat(System.currentTimeMillis()).as("admitted within two minutes").isLessThan(deadline);
					Thread.sleep(300);
					Gateway.Reply place = retried(() -> gateway.get("/api/mclasses/" + classId + "/queue/" + ticket, Gateway.bearer(token)));
					assertThat(place.status()).as(place.body()).isEqualTo(200);
					admitted = place.json().path("data").path("admitted").asBoolean();
				}
				long start = System.nanoTime();
				Gateway.Reply enrolled = enroll(gateway, classId, token, ticket);
				enrollMillis.add((System.nanoTime() - start) / 1_000_000);
				enrollStatus.put(token, enrolled.status());
				if (enrolled.status() == 201) {
					enrolledAs.put(token, enrolled.json().path("data").path("status").asString());
				}
				else {
					assertThat(enrolled.json().path("error").path("code").asString()).as(enrolled.body()).isEqualTo("CLASS_FULL");
				}
				return null;
			});

			// One ticket each; the admission log holds every ticket once, in issue order (sequence 1, 2, 3, ...).
			assertThat(new HashSet<>(ticketOf.values())).hasSize(STUDENTS);
			JsonNode log = gateway.get("/api/admin/mclasses/" + classId + "/queue/admissions?limit=10000", Gateway.bearer(admin))
				.json()
				.path("data");
			// (+1: the student who checked that the room was on took the first place.)
			assertThat(log.size()).isEqualTo(STUDENTS + 1);
			Set<String> logged = new HashSet<>();
			for (int i = 0; i < log.size(); i++) {
				assertThat(log.get(i).path("seq").asLong()).as("admission %d", i).isEqualTo(i + 1);
				logged.add(log.get(i).path("ticket").asString());
			}
			assertThat(logged).containsAll(ticketOf.values());

			// Seats exact.
			long approved = enrolledAs.values().stream().filter("APPROVED"::equals).count();
			long waitlisted = enrolledAs.values().stream().filter("WAITLISTED"::equals).count();
			assertThat(approved).isEqualTo(CAPACITY);
			assertThat(waitlisted).isEqualTo(WAITLIST);
			assertThat(enrollStatus.values().stream().filter((s) -> s == 409).count()).isEqualTo(STUDENTS - CAPACITY - WAITLIST);
			JsonNode availability = gateway.get("/api/mclasses/" + classId + "/availability", Map.of()).json().path("data");
			assertThat(availability.path("approved").asInt()).isEqualTo(CAPACITY);
			assertThat(availability.path("waitlisted").asInt()).isEqualTo(WAITLIST);

			// The watchers saw their place, and those who enrolled their final status.
			long deadline = System.currentTimeMillis() + 20_000;
			for (int i = 0; i < WATCHERS; i++) {
				LiveStream stream = watchers.get(i);
				String expected = enrolledAs.get(tokens.get(i));
				String ticket = ticketOf.get(tokens.get(i));
				while (expected != null && stream.named("enrollment").isEmpty() && System.currentTimeMillis() < deadline) {
					Thread.sleep(100);
				}
				assertThat(stream.named("availability")).as("watcher %d availability", i).isNotEmpty();
				assertThat(stream.named("queue")).as("watcher %d queue", i).isNotEmpty();
				assertThat(stream.named("queue").stream().anyMatch((e) -> e.data().contains("\"ticket\":\"" + ticket + "\"")))
					.as("watcher %d saw its own ticket", i)
					.isTrue();
				if (expected != null) {
					assertThat(stream.named("enrollment")).as("watcher %d enrollment", i).isNotEmpty();
					assertThat(Gateway.json.readTree(stream.named("enrollment").get(0).data()).path("status").asString()).isEqualTo(expected);
				}
				stream.close();
			}
			List<Long> sorted = enrollMillis.stream().sorted().toList();
			System.out.printf("queue system test: students=%d approved=%d waitlisted=%d enroll_p99_ms=%d%n", STUDENTS, approved,
					waitlisted, sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void badTicketsUnknownClassesAndBadResumePointsAreRefusedWithTheirCodes(Gateway gateway) {
		String admin = Accounts.adminToken(gateway);
		String classId = createProtectedClass(gateway, admin);
		String otherClass = createProtectedClass(gateway, admin);
		String owner = Accounts.registerStudent(gateway, "주인").path("accessToken").asString();
		String stranger = Accounts.registerStudent(gateway, "남").path("accessToken").asString();
		String ticket = gateway.post("/api/mclasses/" + classId + "/queue", "", Gateway.bearer(owner)).json().path("data").path("ticket").asString();
		String otherTicket = gateway.post("/api/mclasses/" + otherClass + "/queue", "", Gateway.bearer(owner))
			.json().path("data").path("ticket").asString();

		assertThat(gateway.get("/api/mclasses/" + classId + "/queue/" + ticket, Gateway.bearer(stranger)).status()).isEqualTo(404);
		assertThat(gateway.post("/api/mclasses/" + UUID.randomUUID() + "/queue", "", Gateway.bearer(owner)).status()).isEqualTo(404);
		assertThat(code(enroll(gateway, classId, stranger, ticket))).isEqualTo("QUEUE_TICKET_INVALID");
		assertThat(code(enroll(gateway, classId, owner, "f".repeat(32)))).isEqualTo("QUEUE_TICKET_INVALID");
		assertThat(code(enroll(gateway, classId, owner, otherTicket))).isEqualTo("QUEUE_TICKET_OTHER_CLASS");
		assertThat(enroll(gateway, classId, owner, "not a ticket").status()).isEqualTo(400);
		assertThat(gateway.post("/api/mclasses/" + classId + "/queue", "", Map.of()).status()).isEqualTo(401);

		// A stream asked for as an EventSource does (Accept: text/event-stream) is refused with the envelope, not a 406.
		Gateway.Reply badResume = gateway.get("/api/mclasses/" + classId + "/live",
				Map.of("Accept", "text/event-stream", "Last-Event-ID", "drop table", "Authorization", "Bearer " + owner));
		assertThat(badResume.status()).as(badResume.body()).isEqualTo(400);
		assertThat(badResume.json().path("error").path("details").path(0).path("field").asString()).isEqualTo("Last-Event-ID");
		Gateway.Reply unknownClass = gateway.get("/api/mclasses/" + UUID.randomUUID() + "/live", Map.of("Accept", "text/event-stream"));
		assertThat(unknownClass.status()).as(unknownClass.body()).isEqualTo(404);
		assertThat(code(unknownClass)).isEqualTo("NOT_FOUND");
	}

	/** A new student's access token; an overloaded machine may time out a sign-up (504), which is tried again. */
	private static String register(Gateway gateway, String name) {
		for (int attempt = 1;; attempt++) {
			try {
				return Accounts.registerStudent(gateway, name).path("accessToken").asString();
			}
			catch (AssertionError ex) {
				if (attempt == 5 || !(ex.getMessage().contains("GATEWAY_TIMEOUT") || ex.getMessage().contains("SERVICE_UNAVAILABLE"))) {
					throw ex;
				}
				sleep(1000);
			}
		}
	}

	private static String code(Gateway.Reply reply) {
		return reply.json().path("error").path("code").asString();
	}

	private static Gateway.Reply enroll(Gateway gateway, String classId, String token, String ticket) {
		Map<String, String> headers = new HashMap<>();
		headers.put("Authorization", "Bearer " + token);
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		if (ticket != null) {
			headers.put("Queue-Ticket", ticket);
		}
		return gateway.post("/api/mclasses/" + classId + "/enrollments", "{\"answers\":{}}", headers);
	}

	/** 503 (with Retry-After), 504 and 429 mean "later": a client asks again (taking a place is idempotent). */
	private static Gateway.Reply retried(Callable<Gateway.Reply> call) throws Exception {
		Gateway.Reply reply = call.call();
		for (int attempt = 0; attempt < 20 && (reply.status() == 503 || reply.status() == 504 || reply.status() == 429); attempt++) {
			Thread.sleep(500);
			reply = call.call();
		}
		return reply;
	}

	private static URI gatewayUrl(Gateway gateway) {
		return gateway.url();
	}

	static String createProtectedClass(Gateway gateway, String admin) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Gateway.Reply created = gateway.post("/api/mclasses", """
				{"title":"대기열 클래스 %s","description":"","capacity":%d,"waitlistCapacity":%d,"allowWaitlist":true,
				 "visibility":"PUBLIC","selectionType":"FIRST_COME","isOnline":true,"fee":0,"rushProtected":true,
				 "recruitStartAt":"%s","recruitEndAt":"%s","startAt":"%s","endAt":"%s"}"""
			.formatted(UUID.randomUUID(), CAPACITY, WAITLIST, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS),
					now.plus(2, ChronoUnit.DAYS), now.plus(3, ChronoUnit.DAYS)),
				Gateway.bearer(admin));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String classId = created.json().path("data").path("id").asString();
		// The class reaches enrollment-service by event, and its rushProtected flag every replica within a second.
		long deadline = System.currentTimeMillis() + 30_000;
		String token = Accounts.registerStudent(gateway, "확인").path("accessToken").asString();
		while (System.currentTimeMillis() < deadline) {
			if (gateway.post("/api/mclasses/" + classId + "/queue", "", Gateway.bearer(token)).status() == 201) {
				return classId;
			}
			sleep(300);
		}
		throw new AssertionError("the waiting room of " + classId + " never switched on");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	interface Indexed<T> {

		T call(int index) throws Exception;

	}

	private static <T> List<T> all(ExecutorService pool, int count, Indexed<T> task) throws Exception {
		List<Future<T>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = i;
			futures.add(pool.submit(() -> task.call(index)));
		}
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get());
		}
		return results;
	}

}
