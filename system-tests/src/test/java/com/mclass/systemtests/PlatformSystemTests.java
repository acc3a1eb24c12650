package com.mclass.systemtests;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.mclass.launcher.LocalPlatform;
import com.mclass.launcher.PlatformService;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform as a whole: every service up behind the gateway, and the gateway's contract for what it can't route. */
@ExtendWith(RunningPlatform.class)
class PlatformSystemTests {

	@ParameterizedTest
	@ValueSource(strings = { "auth", "class", "enrollment", "notification" })
	void everyServiceAnswersThroughTheGateway(String service, Gateway gateway) {
		Gateway.Reply reply = gateway.get("/v3/api-docs/" + service, Map.of());
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("info").path("title").asString()).isEqualTo("MClass " + service + "-service");
	}

	@Test
	void gatewayReportsItselfReadyOnItsManagementPortOnly(LocalPlatform platform, Gateway gateway) {
		Gateway.Reply reply = new Gateway(platform.managementUrl(PlatformService.GATEWAY)).get("/actuator/health/readiness", Map.of());
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("status").asString()).isEqualTo("UP");
		for (String path : List.of("/actuator/health/readiness", "/actuator/prometheus")) {
			assertThat(gateway.get(path, Map.of()).status()).as("%s on the public port", path).isEqualTo(404);
		}
	}

	@Test
	void unknownRouteIsA404Envelope(Gateway gateway) {
		Gateway.Reply reply = gateway.get("/api/does-not-exist", Map.of());
		assertThat(reply.status()).isEqualTo(404);
		assertEnvelope(reply, "NOT_FOUND");
		assertThat(reply.header("Content-Type")).startsWith("application/json");
	}

	@Test
	void internalAndActuatorPathsOfServicesAreNotRouted(Gateway gateway) {
		for (String path : List.of("/internal/mclasses/1/seat-config", "/api/mclasses/../internal/x", "/actuator/env")) {
			Gateway.Reply reply = gateway.get(path, Map.of());
			assertThat(reply.status()).as(path).isIn(400, 404);
			assertThat(reply.json().path("success").asBoolean(true)).as(path).isFalse();
		}
	}

	/** Past the gateway, straight at a service's port: internal reads need a service token (issue: internal endpoints open). */
	@ParameterizedTest
	@ValueSource(strings = { "auth-service", "class-service", "notification-service" })
	void internalEndpointsOfServicesRefuseCallersWithoutAServiceToken(String module, LocalPlatform platform) {
		Gateway direct = new Gateway(platform.serviceUrl(module));
		Gateway.Reply reply = direct.get("/internal/stats", Map.of());
		assertThat(reply.status()).isEqualTo(401);
		assertEnvelope(reply, "UNAUTHENTICATED");
	}

	@Test
	void malformedJsonIsA400EnvelopeNamingTheBody(Gateway gateway) {
		Gateway.Reply reply = gateway.post("/api/auth/login", "{\"email\": ", Map.of("Accept-Language", "en"));
		assertThat(reply.status()).isEqualTo(400);
		JsonNode error = assertEnvelope(reply, "MALFORMED_REQUEST");
		assertThat(error.path("details").get(0).path("field").asString()).isEqualTo("body");
		assertThat(error.path("message").asString()).isEqualTo("The request body could not be read.");
	}

	@Test
	void mailSinkServesAMailpitCompatibleApi(MailInbox inbox) {
		Gateway.Reply reply = inbox.messages();
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().has("total")).isTrue();
		assertThat(reply.json().path("messages").isArray()).isTrue();
	}

	static JsonNode assertEnvelope(Gateway.Reply reply, String code) {
		JsonNode body = reply.json();
		assertThat(body.path("success").asBoolean(true)).isFalse();
		assertThat(body.path("error").path("code").asString()).isEqualTo(code);
		assertThat(body.path("error").path("message").asString()).isNotBlank();
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
		return body.path("error");
	}

}
