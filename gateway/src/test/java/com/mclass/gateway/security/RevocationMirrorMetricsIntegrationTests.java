package com.mclass.gateway.security;

import org.junit.jupiter.api.Test;

import com.mclass.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationMirrorMetricsIntegrationTests extends GatewayIntegrationTest {

	@Test
	void exposesHowCurrentTheRevocationMirrorIsAndHowOftenItWasBypassed() {
		String metrics = management().get()
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
