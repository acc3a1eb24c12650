package com.mclass.gateway.cors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mclass.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The test context allows the front end https://app.mclass.test. */
class CorsIntegrationTests extends GatewayIntegrationTest {

	private static final String FRONT_END = "https://app.mclass.test";

	@Autowired
	WebTestClient client;

	@Test
	void answersAPreflightFromTheFrontEndWithoutAskingForAToken() {
		this.client.options()
			.uri("/api/mclasses/7/enrollments/preflight")
			.header("Origin", FRONT_END)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key, accept-language")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", FRONT_END)
			.expectHeader()
			.value("Access-Control-Allow-Headers", (allowed) -> assertThat(allowed.toLowerCase())
				.contains("authorization", "content-type", "idempotency-key", "accept-language"));

		assertThat(ENROLLMENT.receivedOn("/api/mclasses/7/enrollments/preflight")).isEmpty();
	}

	@Test
	void letsTheFrontEndReadTheHeadersItNeeds() {
		this.client.get()
			.uri("/api/mclasses/cors")
			.header("Origin", FRONT_END)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", FRONT_END)
			.expectHeader()
			.value("Access-Control-Expose-Headers",
					(exposed) -> assertThat(exposed).contains("X-Request-Id", "Retry-After", "Idempotent-Replayed"));
	}

	@Test
	void refusesAForeignOriginWithTheEnvelope() {
		this.client.method(HttpMethod.OPTIONS)
			.uri("/api/mclasses/7/enrollments")
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("FORBIDDEN");
	}

}
