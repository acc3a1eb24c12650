package com.mclass.gateway.retry;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mclass.gateway.StubService;
import com.mclass.gateway.retry.ScriptedService.ReceivedRequest;
import com.mclass.platform.test.RealInfrastructure;
import com.mclass.platform.test.TestTokens;

import static com.mclass.gateway.retry.ScriptedService.Reaction.CREATED;
import static com.mclass.gateway.retry.ScriptedService.Reaction.HANG_UP;
import static com.mclass.gateway.retry.ScriptedService.Reaction.OK;
import static com.mclass.gateway.retry.ScriptedService.Reaction.RESET;
import static com.mclass.gateway.retry.ScriptedService.Reaction.SILENT;
import static com.mclass.gateway.retry.ScriptedService.Reaction.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of an enrollment-service that misbehaves on the TCP level, which the shared context's HTTP
 * stubs cannot do: a context of its own. The response timeout is short so that the silent service exceeds it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
				"mclass.gateway.request-body.max-size=64KB" })
@RealInfrastructure(redis = true, testTokens = true)
@AutoConfigureWebTestClient(timeout = "20s")
@ExtendWith(OutputCaptureExtension.class)
class LostConnectionRetryIntegrationTests {

	private static final ScriptedService ENROLLMENT = ScriptedService.start();

	private static final String ROUTE = "enrollment-service";

	private static final String ENROLLMENT_BODY = "{\"answers\":{\"q1\":\"안녕하세요\"}}";

	@Autowired
	WebTestClient client;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void serviceUrls(DynamicPropertyRegistry registry) {
		String nowhere = StubService.unreachableUrl();
		registry.add("MCLASS_ENROLLMENT_URL", ENROLLMENT::url);
		registry.add("MCLASS_AUTH_URL", () -> nowhere);
		registry.add("MCLASS_CLASS_URL", () -> nowhere);
		registry.add("MCLASS_NOTIFICATION_URL", () -> nowhere);
	}

	@AfterAll
	static void stopTheService() throws IOException {
		ENROLLMENT.close();
	}

	@Test
	void sendsAKeyedEnrollmentAgainWhenTheServiceHangsUpBeforeAnswering(CapturedOutput output) {
		String path = "/api/mclasses/101/enrollments";
		ENROLLMENT.script(path, HANG_UP, CREATED);
		double answeredBefore = retries(LostConnectionRetry.ANSWERED);

		enroll(path, "rush-101").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.data.status")
			.isEqualTo("APPROVED");

		List<ReceivedRequest> received = ENROLLMENT.receivedOn(path);
		assertThat(received).hasSize(2).allSatisfy((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.header("Idempotency-Key")).isEqualTo("rush-101");
			assertThat(request.body()).isEqualTo(ENROLLMENT_BODY);
		});
		assertThat(retries(LostConnectionRetry.ANSWERED)).isEqualTo(answeredBefore + 1);
		assertThat(output).contains("POST /api/mclasses/101/enrollments (route enrollment-service) lost its connection "
				+ "before an answer, sending it again (1 of 1)")
			.contains("PrematureCloseException");
	}

	@Test
	void sendsAKeyedEnrollmentAgainWhenTheServiceResetsTheConnectionWhileTheBodyIsSent() {
		String path = "/api/mclasses/102/enrollments";
		ENROLLMENT.script(path, RESET, CREATED);

		enroll(path, "rush-102").expectStatus().isCreated();

		List<ReceivedRequest> received = ENROLLMENT.receivedOn(path);
		assertThat(received).hasSize(2)
			.allSatisfy((request) -> assertThat(request.header("Idempotency-Key")).isEqualTo("rush-102"));
		assertThat(received.get(1).body()).isEqualTo(ENROLLMENT_BODY);
	}

	@Test
	void sendsAGetAgainWithoutAKeySinceReadingTwiceChangesNothing() {
		String path = "/api/mclasses/103/availability";
		ENROLLMENT.script(path, HANG_UP, OK);

		this.client.get()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(ENROLLMENT.receivedOn(path)).hasSize(2);
	}

	@Test
	void answersBadGatewayToAPostWithoutAKeyAndSendsItOnlyOnce() {
		String path = "/api/mclasses/104/enrollments";
		ENROLLMENT.script(path, HANG_UP, CREATED);

		this.client.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ENROLLMENT_BODY)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.BAD_GATEWAY)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.error.code")
			.isEqualTo("BAD_GATEWAY");

		assertThat(ENROLLMENT.receivedOn(path)).hasSize(1);
	}

	@Test
	void relaysAServiceErrorAsItIsWithoutSendingTheRequestAgain() {
		String path = "/api/mclasses/105/enrollments";
		ENROLLMENT.script(path, UNAVAILABLE, CREATED);
		double answeredBefore = retries(LostConnectionRetry.ANSWERED);
		double failedBefore = retries(LostConnectionRetry.FAILED);

		enroll(path, "rush-105").expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.json(ScriptedService.UNAVAILABLE_BODY, true);

		assertThat(ENROLLMENT.receivedOn(path)).hasSize(1);
		assertThat(retries(LostConnectionRetry.ANSWERED)).isEqualTo(answeredBefore);
		assertThat(retries(LostConnectionRetry.FAILED)).isEqualTo(failedBefore);
	}

	@Test
	void answersGatewayTimeoutWithoutSendingTheRequestAgainWhenTheServiceNeverAnswers() {
		String path = "/api/mclasses/106/enrollments";
		ENROLLMENT.script(path, SILENT, CREATED);

		enroll(path, "rush-106").expectStatus()
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("GATEWAY_TIMEOUT");

		assertThat(ENROLLMENT.receivedOn(path)).hasSize(1);
	}

	@Test
	void answersBadGatewayWhenTheSecondAttemptLosesItsConnectionToo() {
		String path = "/api/mclasses/107/enrollments";
		ENROLLMENT.script(path, HANG_UP, HANG_UP, CREATED);
		double failedBefore = retries(LostConnectionRetry.FAILED);

		enroll(path, "rush-107").expectStatus()
			.isEqualTo(HttpStatus.BAD_GATEWAY)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.json("""
					{"success":false,"error":{"code":"BAD_GATEWAY"}}""");

		assertThat(ENROLLMENT.receivedOn(path)).hasSize(2);
		assertThat(retries(LostConnectionRetry.FAILED)).isEqualTo(failedBefore + 1);
	}

	@Test
	void refusesAKeyedChunkedBodyAboveTheLimitBeforeCachingOrSendingIt() {
		String path = "/api/mclasses/108/enrollments";

		this.client.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.header(LostConnectionRetry.IDEMPOTENCY_KEY, "rush-108")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Flux.range(0, 25).map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[4 * 1024])),
					DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("PAYLOAD_TOO_LARGE");

		assertThat(ENROLLMENT.receivedOn(path)).isEmpty();
	}

	private WebTestClient.ResponseSpec enroll(String path, String idempotencyKey) {
		return this.client.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.header(LostConnectionRetry.IDEMPOTENCY_KEY, idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ENROLLMENT_BODY)
			.exchange();
	}

	private double retries(String outcome) {
		Counter counter = this.meters.find(LostConnectionRetry.RETRIES_METRIC)
			.tags("route", ROUTE, "outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static String userToken() {
		return TestTokens.user(UUID.randomUUID());
	}

}
