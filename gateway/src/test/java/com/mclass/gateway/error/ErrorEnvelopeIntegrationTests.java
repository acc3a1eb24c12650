package com.mclass.gateway.error;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mclass.gateway.GatewayIntegrationTest;
import com.mclass.gateway.StubService;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ErrorEnvelopeIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	WebTestClient client;

	@Test
	void answersAnUnknownRouteWithTheEnvelopeInKoreanByDefault() {
		this.client.get()
			.uri("/api/nowhere")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.json("""
					{"success":false,"error":{"code":"NOT_FOUND","message":"요청한 리소스를 찾을 수 없습니다."}}""", true);
	}

	@Test
	void answersInEnglishWhenTheClientPrefersIt() {
		this.client.get()
			.uri("/api/nowhere")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.header("Accept-Language", "en-US,en;q=0.9,ko;q=0.8")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error.message")
			.isEqualTo("The resource was not found.");
	}

	@Test
	void fallsBackToThePlatformTextsForCodesTheGatewayDoesNotRephrase() {
		management().post()
			.uri("/actuator/health")
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectBody()
			.json("""
					{"success":false,"error":{"code":"METHOD_NOT_ALLOWED","message":"This method is not allowed here."}}""",
					true);
	}

	@Test
	void answersServiceUnavailableWhenNothingListensBehindTheRoute() {
		this.client.get()
			.uri("/api/admin/notifications/outbox")
			.headers((headers) -> headers.setBearerAuth(adminToken()))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.valueEquals("Retry-After", "1")
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.error.code")
			.isEqualTo("SERVICE_UNAVAILABLE")
			.jsonPath("$.error.message")
			.isEqualTo("요청을 처리할 서비스에 연결할 수 없습니다. 잠시 후 다시 시도하세요.");
	}

	@Test
	void answersGatewayTimeoutWhenTheServiceIsSlowerThanTheResponseTimeout() {
		long started = System.nanoTime();
		this.client.get()
			.uri("/api/mclasses/1/slow")
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.json("""
					{"success":false,"error":{"code":"GATEWAY_TIMEOUT",
					"message":"The service that handles this request did not answer in time. Try again later."}}""",
					true);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(StubService.SLOW_ANSWER);
	}

	@Test
	void answersBadGatewayWhenTheServiceHangsUpWithoutAnswering() {
		this.client.get()
			.uri("/api/terms/hang-up")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.BAD_GATEWAY)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("BAD_GATEWAY");
	}

	@Test
	void logsUpstreamFailuresWithTheRouteAndTheTraceId(CapturedOutput output) {
		this.client.get()
			.uri("/api/admin/notifications/retry")
			.headers((headers) -> headers.setBearerAuth(adminToken()))
			.exchange()
			.expectStatus()
			.is5xxServerError();

		// One JSON log line: level, the route and the outcome, and the trace ids of the request.
		assertThat(output).containsPattern("\\{\"@timestamp\".*\"level\":\"WARN\".*"
				+ "GET /api/admin/notifications/retry \\(route notification-service\\) answered 503 SERVICE_UNAVAILABLE.*"
				+ "\"traceId\":\"[0-9a-f]{32}\",\"spanId\":\"[0-9a-f]{16}\"");
	}

}
