package com.mclass.enrollment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the service on one database (and one Redis): the ledger row and the partial unique index are the
 * only authorities, so the invariants hold whichever replica a student reaches. The second replica neither consumes
 * class events nor relays the outbox (it would only compete for the same work with the first).
 */
class TwoInstancesIntegrationTests extends EnrollmentIntegrationTest {

	@Autowired
	Environment environment;

	@Test
	@Timeout(180)
	void twoReplicasOnOneDatabaseNeverOversell() throws Exception {
		UUID classId = this.classes.open(Classes.firstCome(30, 10));
		try (ConfigurableApplicationContext second = SecondReplica.start(this.environment)) {
			Api[] replicas = { this.api, new Api(SecondReplica.port(second)) };
			int students = 300;
			List<String> tokens = new ArrayList<>();
			for (int i = 0; i < students; i++) {
				tokens.add(student(UUID.randomUUID()));
			}
			ExecutorService clients = Executors.newFixedThreadPool(64);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Api.Response>> requests = new ArrayList<>();
			for (int i = 0; i < students; i++) {
				Api replica = replicas[i % 2];
				String token = tokens.get(i);
				requests.add(clients.submit(() -> {
					go.await();
					return replica.post("/api/mclasses/" + classId + "/enrollments")
						.token(token)
						.idempotencyKey(UUID.randomUUID().toString())
						.json("{\"answers\":{}}")
						.send();
				}));
			}
			go.countDown();
			Map<String, Integer> outcomes = new HashMap<>();
			for (Future<Api.Response> request : requests) {
				Api.Response response = request.get(120, TimeUnit.SECONDS);
				String outcome = (response.status() == 201) ? response.data().path("status").asString()
						: response.status() + " " + response.errorCode();
				outcomes.merge(outcome, 1, Integer::sum);
			}
			clients.shutdown();

			assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("APPROVED", 30, "WAITLISTED", 10, "409 CLASS_FULL", 260));
			Ledger ledger = assertInvariants(classId);
			assertThat(ledger.approved()).isEqualTo(30);
			assertThat(ledger.waitlisted()).isEqualTo(10);
		}
	}

}
