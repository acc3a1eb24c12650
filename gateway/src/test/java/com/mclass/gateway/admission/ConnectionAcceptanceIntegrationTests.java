package com.mclass.gateway.admission;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mclass.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionAcceptanceIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	WebTestClient client;

	@Test
	void connectionsAreAcceptedOnAThreadThatServesNoRequest() {
		this.client.get().uri("/api/mclasses").headers((headers) -> headers.setBearerAuth(userToken())).exchange().expectStatus().isOk();

		Set<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName).collect(Collectors.toSet());
		assertThat(threads).anyMatch((name) -> name.startsWith("gateway-http-select-"));
		assertThat(threads).anyMatch((name) -> name.startsWith("gateway-http-") && !name.contains("select"));
	}

}
