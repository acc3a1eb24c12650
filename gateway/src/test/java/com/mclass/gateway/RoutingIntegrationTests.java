package com.mclass.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0} goes to {1}")
	@CsvSource({ //
			"/api/auth/login, auth-service", //
			"/api/auth/google/callback, auth-service", //
			"/api/terms, auth-service", //
			"/api/terms/7/agree, auth-service", //
			"/api/admin/users, auth-service", //
			"/api/mclasses, class-service", //
			"/api/mclasses/42, class-service", //
			"/api/mclasses/42/enrollment-form, class-service", //
			"/api/mclasses/42/enrollments, enrollment-service", //
			"/api/mclasses/42/enrollments/9, enrollment-service", //
			"/api/mclasses/42/availability, enrollment-service", //
			"/api/mclasses/42/queue, enrollment-service", //
			"/api/mclasses/42/queue/0123abcd, enrollment-service", //
			"/api/enrollments/my, enrollment-service", //
			"/api/admin/enrollments, enrollment-service", //
			"/api/admin/enrollments/9, enrollment-service", //
			"/api/admin/dashboard, enrollment-service", //
			"/api/admin/audit, enrollment-service" })
	void routesEachPathToTheServiceThatOwnsIt(String path, String service) {
		this.client.get()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(adminToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Served-By", service)
			.expectBody()
			.jsonPath("$.data.path")
			.isEqualTo(path);
	}

	@Test
	void relaysMethodPathQueryAndBodyUnchangedAndTheAnswerBack() {
		String body = "{\"answers\":{\"q1\":\"안녕하세요\"}}";
		// An absolute URI is sent as written; a URI template would be encoded once more by the client.
		this.client.post()
			.uri(URI.create("http://localhost:" + this.port
					+ "/api/mclasses/77/enrollments?page=2&size=20&q=%ED%95%9C%EA%B8%80&sort=appliedAt,desc"))
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", "key-77")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(true)
			.jsonPath("$.data.service")
			.isEqualTo("enrollment-service");

		StubService.ReceivedRequest received = ENROLLMENT.receivedOn("/api/mclasses/77/enrollments").orElseThrow();
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.rawQuery()).isEqualTo("page=2&size=20&q=%ED%95%9C%EA%B8%80&sort=appliedAt,desc");
		assertThat(received.header("Idempotency-Key")).isEqualTo("key-77");
		assertThat(received.bodyLength()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
	}

	@Test
	void propagatesTheW3cTraceContextToTheService() {
		this.client.get().uri("/api/mclasses/traced").exchange().expectStatus().isOk();

		String traceparent = CLASS.receivedOn("/api/mclasses/traced").orElseThrow().header("traceparent");
		assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
	}

	@Test
	void servesEachServicesApiDocumentUnderItsOwnName() {
		this.client.get()
			.uri("/v3/api-docs/enrollment")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Served-By", "enrollment-service")
			.expectBody()
			.jsonPath("$.data.path")
			.isEqualTo("/v3/api-docs");
	}

	@Test
	void offersEveryServicesApiInTheSwaggerUi() {
		this.client.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].url")
			.value(List.class, (urls) -> assertThat(urls).contains("/v3/api-docs/auth", "/v3/api-docs/class",
					"/v3/api-docs/enrollment", "/v3/api-docs/notification"));
		this.client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
	}

	/** Even for an admin; without a token the same paths answer 401 (see the security tests). */
	@ParameterizedTest
	@ValueSource(strings = { "/internal/users/1", "/internal/seats", "/actuator/env", "/actuator/gateway/routes",
			"/api/unknown", "/api", "/", "/api/admin/secrets" })
	void routesNothingElse(String path) {
		this.client.get()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(adminToken()))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.error.code")
			.isEqualTo("NOT_FOUND");

		assertThat(AUTH.receivedOn(path)).isEmpty();
		assertThat(CLASS.receivedOn(path)).isEmpty();
		assertThat(ENROLLMENT.receivedOn(path)).isEmpty();
	}

}
