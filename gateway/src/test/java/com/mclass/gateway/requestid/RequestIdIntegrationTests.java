package com.mclass.gateway.requestid;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mclass.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdIntegrationTests extends GatewayIntegrationTest {

	private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@Autowired
	WebTestClient client;

	@Test
	void generatesAnIdAndGivesItToTheServiceAndTheClient() {
		String returned = this.client.get()
			.uri("/api/auth/me")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");

		assertThat(returned).matches(UUID_PATTERN);
		assertThat(AUTH.receivedOn("/api/auth/me").orElseThrow().header("X-Request-Id")).isEqualTo(returned);
	}

	@Test
	void keepsTheClientsOwnId() {
		this.client.get()
			.uri("/api/terms/own-id")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.header("X-Request-Id", "client-chosen.id:42")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", "client-chosen.id:42");

		assertThat(AUTH.receivedOn("/api/terms/own-id").orElseThrow().header("X-Request-Id"))
			.isEqualTo("client-chosen.id:42");
	}

	@Test
	void replacesAnIdThatCouldForgeLogLinesOrHeaders() {
		this.client.get()
			.uri("/api/terms/forged-id")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.header("X-Request-Id", "abc\" forged=\"yes")
			.exchange()
			.expectHeader()
			.value("X-Request-Id", (id) -> assertThat(id).matches(UUID_PATTERN));
	}

	@Test
	void returnsTheIdOnTheGatewaysOwnErrorsToo() {
		this.client.get()
			.uri("/api/nowhere")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.header("X-Request-Id", "lost-request-1")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valuesMatch("X-Request-Id", "lost-request-1");
	}

}
