package com.mclass.gateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mclass.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationMirrorMetricsIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	WebTestClient client;

	@Test
	void exposesHowCurrentTheRevocationMirrorIsAndHowOftenItWasBypassed() {
		String metrics = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(metrics).containsPattern("mclass_security_revocations_mirror_age_seconds\\{.*application=\"gateway\"")
			.contains("mclass_security_revocations_mirror_sessions")
			.contains("mclass_security_revocations_fallback_lookups_total");
	}

}
