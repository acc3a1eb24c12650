package com.mclass.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class ActuatorIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	WebTestClient client;

	@Test
	void reportsReadinessAndLiveness() {
		management().get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		management().get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void exposesMetricsForPrometheusIncludingRequestsThroughRoutes() {
		this.client.get().uri("/api/mclasses/metered").exchange().expectStatus().isOk();

		String metrics = management().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("jvm_memory_used_bytes")
			.containsPattern("http_server_requests_seconds_count\\{.*application=\"gateway\"");
	}

	@Test
	void servesNoActuatorEndpointOnThePublicPort() {
		for (String path : new String[] { "/actuator/prometheus", "/actuator/health", "/actuator/health/readiness" }) {
			this.client.get().uri(path).exchange().expectStatus().isNotFound();
		}
	}

}
