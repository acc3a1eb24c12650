package com.mclass.enrollment.queue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.mclass.enrollment.Api;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

class WaitingRoomIntegrationTests extends EnrollmentIntegrationTest {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RushProtection protection;

	@Autowired
	WaitingRoom room;

	@Test
	void whileTheRoomIsOnEnrollingNeedsAnAdmittedTicketAndThenProceedsAsUsual() {
		UUID classId = protectedClass(Classes.firstCome(5, 0));
		UUID studentId = UUID.randomUUID();
		String token = student(studentId);

		Api.Response refused = enroll(classId, token, "{}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.errorCode()).isEqualTo("QUEUE_REQUIRED");
		assertThat(refused.json().path("error").path("details").get(0).path("reason").asString())
			.isEqualTo("/api/mclasses/" + classId + "/queue");

		Api.Response joined = join(classId, token);
		assertThat(joined.status()).isEqualTo(201);
		JsonNode place = joined.data();
		assertThat(place.propertyNames()).containsExactlyInAnyOrder("ticket", "position", "aheadOfYou", "estimatedWaitSeconds",
				"admitted", "admissionExpiresAt");
		String ticket = place.path("ticket").asString();
		assertThat(ticket).matches("[0-9a-f]{32}");
		assertThat(place.path("admitted").asBoolean()).isTrue();
		assertThat(place.path("admissionExpiresAt").isNull()).isFalse();
		assertThat(join(classId, token).data().path("ticket").asString()).as("asking again: the same ticket").isEqualTo(ticket);

		String key = UUID.randomUUID().toString();
		Api.Response enrolled = enrollWithTicket(classId, token, key, ticket);
		assertThat(enrolled.status()).isEqualTo(201);
		assertThat(enrolled.data().path("status").asString()).isEqualTo("APPROVED");
		Api.Response replayed = enrollWithTicket(classId, token, key, ticket);
		assertThat(replayed.status()).isEqualTo(201);
		assertThat(replayed.header("Idempotent-Replayed")).contains("true");
		assertThat(replayed.body()).isEqualTo(enrolled.body());
		assertInvariants(classId);
	}

	@Test
	void aRoomThatIsOffAdmitsAtOnceWithoutATicket() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0));
		Api.Response joined = join(classId, student(UUID.randomUUID()));
		assertThat(joined.status()).isEqualTo(200);
		assertThat(joined.data().path("admitted").asBoolean()).isTrue();
		assertThat(joined.data().path("ticket").isNull()).isTrue();
		assertThat(enroll(classId, student(UUID.randomUUID()), "{}").status()).isEqualTo(201);
	}

	@Test
	void manyStudentsAtOnceGetOneTicketEachAndAreAdmittedStrictlyInIssueOrder() throws Exception {
		UUID classId = protectedClass(Classes.firstCome(1000, 0));
		int students = 300;
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < students; i++) {
			ids.add(UUID.randomUUID());
		}
		List<Callable<String[]>> calls = new ArrayList<>();
		for (UUID id : ids) {
			// Every student asks twice at the same time: a macro gains nothing.
			for (int twice = 0; twice < 2; twice++) {
				calls.add(() -> {
					Api.Response response = join(classId, student(id));
					// An overloaded Redis answers 503 with Retry-After: the client asks again, as the contract says.
					for (int retry = 0; retry < 10 && response.status() == 503; retry++) {
						assertThat(response.header("Retry-After")).isPresent();
						Thread.sleep(200);
						response = join(classId, student(id));
					}
					assertThat(response.status()).isEqualTo(201);
					return new String[] { id.toString(), response.data().path("ticket").asString() };
				});
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(32);
		List<String[]> answers = new ArrayList<>();
		try {
			for (Future<String[]> future : pool.invokeAll(calls)) {
				answers.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		java.util.Map<String, String> ticketOf = new java.util.HashMap<>();
		for (String[] answer : answers) {
			String earlier = ticketOf.putIfAbsent(answer[0], answer[1]);
			assertThat(earlier == null || earlier.equals(answer[1])).as("one ticket per student").isTrue();
		}
		assertThat(new HashSet<>(ticketOf.values())).hasSize(students);

		// The whole line is admitted (100/s, at most 100 open admissions) in issue order: sequence numbers 1..300, each
		// once, ascending. Each admitted student uses their admission, which lets the next in.
		Classes.eventually(() -> {
			List<JsonNode> admittedSoFar = admissionLog(classId);
			admittedSoFar.forEach((admission) -> this.room.used(classId, admission.path("ticket").asString()));
			return admittedSoFar.size() == students;
		});
		List<JsonNode> log = admissionLog(classId);
		Set<String> admitted = new HashSet<>();
		for (int i = 0; i < log.size(); i++) {
			assertThat(log.get(i).path("seq").asLong()).isEqualTo(i + 1);
			assertThat(admitted.add(log.get(i).path("ticket").asString())).isTrue();
		}
		assertThat(admitted).isEqualTo(new HashSet<>(ticketOf.values()));
	}

	@Test
	void aPlaceFarBackInALongLineIsAnsweredAsPreciselyAsWhenReadLater() {
		UUID classId = protectedClass(Classes.firstCome(1000, 0));
		// 100 admitted at once (the rate's first second, a window of 100 that nobody uses), then a line behind them that
		// no admission step can reach while those admissions stay open.
		for (int i = 0; i < 249; i++) {
			this.room.issue(classId, UUID.randomUUID());
		}
		UUID student = UUID.randomUUID();

		QueuePlace joined = this.room.issue(classId, student).place();
		QueuePlace read = this.room.read(classId, joined.ticket(), student);

		assertThat(joined.admitted()).isFalse();
		assertThat(joined.position()).isEqualTo(150);
		assertThat(joined.aheadOfYou()).isEqualTo(149);
		assertThat(joined.estimatedWaitSeconds()).isEqualTo(2);
		assertThat(read).isEqualTo(joined);
		assertThat(this.room.issue(classId, student).place()).as("asked again: the same place").isEqualTo(joined);
	}

	@Test
	void badTicketsAreRefusedWithTheirOwnCodesAndNeverA500() {
		UUID classId = protectedClass(Classes.firstCome(5, 0));
		UUID otherClass = protectedClass(Classes.firstCome(5, 0));
		UUID owner = UUID.randomUUID();
		String ticket = join(classId, student(owner)).data().path("ticket").asString();
		String otherTicket = join(otherClass, student(owner)).data().path("ticket").asString();
		String stranger = student(UUID.randomUUID());

		assertThat(this.api.get("/api/mclasses/" + classId + "/queue/" + ticket).token(stranger).send().status())
			.as("someone else's ticket").isEqualTo(404);
		assertThat(this.api.get("/api/mclasses/" + classId + "/queue/" + otherTicket).token(student(owner)).send().status())
			.as("a ticket of another class").isEqualTo(404);
		assertThat(this.api.get("/api/mclasses/" + classId + "/queue/not-a-ticket").token(student(owner)).send().status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/mclasses/" + classId + "/queue/" + ticket).send().status()).as("no token").isEqualTo(401);
		assertThat(join(UUID.randomUUID(), student(owner)).status()).as("unknown class").isEqualTo(404);
		assertThat(join(classId, TestTokens.forUser(UUID.randomUUID()).signupCompleted(false).sign()).errorCode())
			.isEqualTo("SIGNUP_INCOMPLETE");

		assertThat(enrollWithTicket(classId, stranger, UUID.randomUUID().toString(), ticket).errorCode())
			.as("someone else's ticket").isEqualTo("QUEUE_TICKET_INVALID");
		assertThat(enrollWithTicket(classId, student(owner), UUID.randomUUID().toString(), "0".repeat(32)).errorCode())
			.as("forged").isEqualTo("QUEUE_TICKET_INVALID");
		assertThat(enrollWithTicket(classId, student(owner), UUID.randomUUID().toString(), otherTicket).errorCode())
			.isEqualTo("QUEUE_TICKET_OTHER_CLASS");
		Api.Response malformed = enrollWithTicket(classId, student(owner), UUID.randomUUID().toString(), "<script>");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().path("error").path("details").get(0).path("field").asString()).isEqualTo("Queue-Ticket");

		// An admission that lapsed: the ticket no longer admits, and asking again gives a new place at the back.
		this.redis.opsForZSet().add(new QueueKeys("mclass:queue:", classId).admitted(), ticket, System.currentTimeMillis() - 1000);
		assertThat(enrollWithTicket(classId, student(owner), UUID.randomUUID().toString(), ticket).errorCode())
			.isEqualTo("QUEUE_TICKET_EXPIRED");
		Api.Response expired = this.api.get("/api/mclasses/" + classId + "/queue/" + ticket).token(student(owner)).send();
		assertThat(expired.status()).isEqualTo(409);
		assertThat(expired.errorCode()).isEqualTo("QUEUE_TICKET_EXPIRED");
		String again = join(classId, student(owner)).data().path("ticket").asString();
		assertThat(again).isNotEqualTo(ticket);
		assertThat(countsByStatus(classId)).isEmpty();
	}

	@Test
	void aRoomSwitchedOffMidQueueClosesItsTicketsAndLetsEveryoneEnroll() {
		Classes.Spec spec = Classes.firstCome(5, 0).set("rushProtected", true);
		UUID classId = protectedClass(spec);
		String token = student(UUID.randomUUID());
		String ticket = join(classId, token).data().path("ticket").asString();

		this.classes.publish(UUID.randomUUID(), "ClassUpdated", classId, spec.set("rushProtected", false).data(classId, 2));
		Classes.eventually(() -> {
			this.protection.reload();
			return !this.protection.isProtected(classId);
		});

		Api.Response closed = this.api.get("/api/mclasses/" + classId + "/queue/" + ticket).token(token).send();
		assertThat(closed.status()).isEqualTo(409);
		assertThat(closed.errorCode()).isEqualTo("QUEUE_CLOSED");
		assertThat(enroll(classId, student(UUID.randomUUID()), "{}").status()).isEqualTo(201);
	}

	private UUID protectedClass(Classes.Spec spec) {
		UUID classId = this.classes.open(spec.set("rushProtected", true));
		Classes.eventually(() -> {
			this.protection.reload();
			return this.protection.isProtected(classId);
		});
		return classId;
	}

	private Api.Response join(UUID classId, String token) {
		return this.api.post("/api/mclasses/" + classId + "/queue").token(token).send();
	}

	private Api.Response enrollWithTicket(UUID classId, String token, String key, String ticket) {
		return this.api.post("/api/mclasses/" + classId + "/enrollments")
			.token(token)
			.idempotencyKey(key)
			.header(QueueGate.HEADER, ticket)
			.json("{\"answers\":{}}")
			.send();
	}

	private List<JsonNode> admissionLog(UUID classId) {
		Api.Response response = this.api.get("/api/admin/mclasses/" + classId + "/queue/admissions?limit=10000")
			.token(TestTokens.admin(UUID.randomUUID()))
			.send();
		assertThat(response.status()).isEqualTo(200);
		List<JsonNode> entries = new ArrayList<>();
		response.data().forEach(entries::add);
		return entries;
	}

}
