package com.mclass.enrollment.classcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mclass.enrollment.Api;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.enrollment.Forms;
import com.mclass.enrollment.RemoteServicesStub;

import static org.assertj.core.api.Assertions.assertThat;

/** A class whose events have not reached the service yet is asked of class-service directly. */
class ClassCatalogIntegrationTests extends EnrollmentIntegrationTest {

	@AfterEach
	void classServiceBackUp() {
		RemoteServicesStub.down(RemoteServicesStub.CLASS, false);
		RemoteServicesStub.delay(RemoteServicesStub.CLASS, 0);
	}

	@Test
	void aClassNotYetKnownIsFetchedFromClassServiceAndTakesEnrollments() {
		UUID classId = UUID.randomUUID();
		RemoteServicesStub.knowsClass(classId, Classes.firstCome(2, 0).form(Forms.MOTIVATION_LEVEL_AGREEMENT).seatConfig(classId, 4));

		Api.Response response = enroll(classId, student(UUID.randomUUID()), Forms.VALID_ANSWERS);
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.data().path("status").asString()).isEqualTo("APPROVED");
		assertThat(response.data().path("formVersion").asInt()).isEqualTo(1);
		assertThat(this.classes.classVersion(classId)).isEqualTo(4L);
		assertThat(enroll(classId, student(UUID.randomUUID()), "{}").status()).as("its form applies").isEqualTo(400);
		assertThat(this.management.get("/actuator/prometheus").send().body()).as("the circuit breaker is observable")
			.contains("resilience4j_circuitbreaker_state");
	}

	@Test
	void concurrentRequestsForAnUnknownClassAskClassServiceOnce() throws Exception {
		UUID classId = UUID.randomUUID();
		RemoteServicesStub.knowsClass(classId, Classes.firstCome(50, 0).seatConfig(classId, 1));
		ExecutorService threads = Executors.newFixedThreadPool(16);
		List<Future<Api.Response>> responses = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String token = student(UUID.randomUUID());
			responses.add(threads.submit(() -> enroll(classId, token, "{}")));
		}
		for (Future<Api.Response> response : responses) {
			assertThat(response.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
		}
		threads.shutdown();
		assertThat(RemoteServicesStub.calls(RemoteServicesStub.CLASS + "/internal/mclasses/" + classId + "/seat-config")).isEqualTo(1);
		assertInvariants(classId);
	}

	@Test
	void withClassServiceDownAnUnknownClassAnswers503AndNothingIsWritten() {
		UUID classId = UUID.randomUUID();
		RemoteServicesStub.knowsClass(classId, Classes.firstCome(2, 0).seatConfig(classId, 1));
		RemoteServicesStub.down(RemoteServicesStub.CLASS, true);
		UUID userId = UUID.randomUUID();

		Api.Response response = enroll(classId, student(userId), "down-1", "{}");
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(response.json().path("error").path("message").asString()).isNotBlank();
		assertThat(this.classes.classVersion(classId)).isNull();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM enrollment WHERE mclass_id = ?", Integer.class, classId)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE user_id = ?", Integer.class, userId)).isZero();

		RemoteServicesStub.down(RemoteServicesStub.CLASS, false);
		assertThat(enroll(classId, student(userId), "down-1", "{}").status()).as("the key is still free").isEqualTo(201);
	}

	@Test
	void aSlowClassServiceIsWaitedForUpToTheTimeLimitAndNoLonger() {
		UUID timely = UUID.randomUUID();
		RemoteServicesStub.knowsClass(timely, Classes.firstCome(2, 0).seatConfig(timely, 1));
		RemoteServicesStub.delay(RemoteServicesStub.CLASS, 1100);
		assertThat(enroll(timely, student(UUID.randomUUID()), "{}").status()).as("1.1 s: beyond Resilience4j's 1 s default, within the 2 s limit").isEqualTo(201);

		UUID late = UUID.randomUUID();
		RemoteServicesStub.knowsClass(late, Classes.firstCome(2, 0).seatConfig(late, 1));
		RemoteServicesStub.delay(RemoteServicesStub.CLASS, 3500);
		long started = System.nanoTime();
		Api.Response response = enroll(late, student(UUID.randomUUID()), "{}");
		long waitedMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(response.status()).isEqualTo(503);
		assertThat(waitedMillis).as("cut at the time limit, not at the slow answer").isLessThan(3400);
		assertThat(this.classes.classVersion(late)).isNull();
	}

	@Test
	void aClassClassServiceDoesNotKnowIsNotFound() {
		Api.Response response = enroll(UUID.randomUUID(), student(UUID.randomUUID()), "{}");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
	}

}
