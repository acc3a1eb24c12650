package com.mclass.gateway.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import com.mclass.gateway.GatewayIntegrationTest;
import com.mclass.gateway.StubService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Joins through a lane of two, with room for two more to wait up to 3 s; the enrollment-service stub holds the test's
 * joins until the test lets them go (and the gateway waits for the stub's answers up to 20 s).
 */
@TestPropertySource(properties = { "mclass.gateway.queue-joins.in-flight=2", "mclass.gateway.queue-joins.max-waiting=2",
		"mclass.gateway.queue-joins.max-wait=3s", "spring.cloud.gateway.server.webflux.httpclient.response-timeout=20s" })
class QueueJoinLaneIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	WebTestClient client;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	@Test
	void joinsBeyondTheLaneWaitInArrivalOrderWhileEnrollsPassThem() throws Exception {
		String queue = "/api/mclasses/" + UUID.randomUUID() + "/queue";
		List<String> students = List.of(userToken(), userToken(), userToken(), userToken());
		List<CompletableFuture<HttpStatusCode>> joins = new ArrayList<>();
		try (StubService.Hold hold = ENROLLMENT.holdRequestsOn(queue)) {
			for (int i = 0; i < 2; i++) {
				joins.add(join(queue, students.get(i)));
				int arrived = i + 1;
				await().atMost(Duration.ofSeconds(10)).until(() -> receivedOn(queue).size() == arrived);
			}
			for (int i = 2; i < 4; i++) {
				joins.add(join(queue, students.get(i)));
				int waiting = i - 1;
				await().atMost(Duration.ofSeconds(10)).until(() -> waitingJoins() == waiting);
			}
			assertThat(receivedOn(queue)).as("two in flight, two waiting at the gateway").hasSize(2);

			enrollAsNewUser(this.client, queue.replace("/queue", "/enrollments")).expectStatus().isOk();

			for (int answered = 1; answered <= 2; answered++) {
				hold.answerOne();
				int arrived = 2 + answered;
				await().atMost(Duration.ofSeconds(10)).until(() -> receivedOn(queue).size() == arrived);
			}
		}

		for (CompletableFuture<HttpStatusCode> join : joins) {
			assertThat(join.get(20, TimeUnit.SECONDS).value()).isEqualTo(200);
		}
		assertThat(receivedOn(queue)).extracting((request) -> request.header(HttpHeaders.AUTHORIZATION))
			.as("each freed turn went to the join waiting longest")
			.containsExactlyElementsOf(students.stream().map((token) -> "Bearer " + token).toList());
		assertThat(waitingJoins()).isZero();
	}

	@Test
	void aJoinWhoseTurnDoesNotComeWithinMaxWaitIsAnswered503WithRetryAfter() throws Exception {
		String queue = "/api/mclasses/" + UUID.randomUUID() + "/queue";
		List<CompletableFuture<HttpStatusCode>> held = new ArrayList<>();
		try (StubService.Hold hold = ENROLLMENT.holdRequestsOn(queue)) {
			held.add(join(queue, userToken()));
			held.add(join(queue, userToken()));
			await().atMost(Duration.ofSeconds(10)).until(() -> receivedOn(queue).size() == 2);

			long start = System.nanoTime();
			joinNow(queue)
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "2")
				.expectBody()
				.jsonPath("$.error.code")
				.isEqualTo("SERVICE_UNAVAILABLE");

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(2_900));
			assertThat(receivedOn(queue)).hasSize(2);
		}
		for (CompletableFuture<HttpStatusCode> join : held) {
			assertThat(join.get(20, TimeUnit.SECONDS).value()).isEqualTo(200);
		}
	}

	@Test
	void aJoinFindingTheLineFullIsAnswered503AtOnceAndTheOthersKeepTheirTurn() throws Exception {
		String queue = "/api/mclasses/" + UUID.randomUUID() + "/queue";
		List<CompletableFuture<HttpStatusCode>> joins = new ArrayList<>();
		try (StubService.Hold hold = ENROLLMENT.holdRequestsOn(queue)) {
			for (int i = 0; i < 4; i++) {
				joins.add(join(queue, userToken()));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> receivedOn(queue).size() == 2 && waitingJoins() == 2);

			joinNow(queue)
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.exists(HttpHeaders.RETRY_AFTER);
		}
		for (CompletableFuture<HttpStatusCode> join : joins) {
			assertThat(join.get(20, TimeUnit.SECONDS).value()).isEqualTo(200);
		}
		assertThat(receivedOn(queue)).hasSize(4);
	}

	@Test
	void joinsThatFailGiveTheirTurnBack() {
		String marker = UUID.randomUUID().toString();
		ENROLLMENT.hangUpOnQueriesContaining(marker);
		String queue = "/api/mclasses/" + UUID.randomUUID() + "/queue";

		for (int i = 0; i < 3; i++) {
			joinNow(queue + "?dropped=" + marker)
				.expectStatus()
				.is5xxServerError();
		}

		joinNow(queue).expectStatus().isOk();
	}

	@Test
	void readingAPlaceIsNotAJoin() {
		String queue = "/api/mclasses/" + UUID.randomUUID() + "/queue";
		try (StubService.Hold hold = ENROLLMENT.holdRequestsOn(queue)) {
			join(queue, userToken());
			join(queue, userToken());
			await().atMost(Duration.ofSeconds(10)).until(() -> receivedOn(queue).size() == 2);

			this.client.get()
				.uri(queue + "/0123abcd")
				.headers((headers) -> headers.setBearerAuth(userToken()))
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

	/** A join by a new student, answered before the test goes on. */
	private WebTestClient.ResponseSpec joinNow(String queue) {
		return this.client.post().uri(queue).headers((headers) -> headers.setBearerAuth(userToken())).exchange();
	}

	/** A join by this student, in the background. */
	private CompletableFuture<HttpStatusCode> join(String queue, String token) {
		return WebClient.create("http://localhost:" + this.port)
			.post()
			.uri(queue)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode()))
			.toFuture();
	}

	private double waitingJoins() {
		return this.meters.get(QueueJoinLane.JOINS_METRIC).tag("state", "waiting").gauge().value();
	}

	private static List<StubService.ReceivedRequest> receivedOn(String path) {
		return ENROLLMENT.received().stream().filter((request) -> request.rawPath().equals(path)).toList();
	}

}
