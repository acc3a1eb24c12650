package com.mclass.platform.web.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mclass.platform.test.Ports;
import com.mclass.platform.test.RealInfrastructure;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revoked-session check with Redis unreachable (nothing listens on its port, so every lookup fails at once, as
 * a paused or dead Redis does after its timeout): a signed, valid token is refused with 503 and {@code Retry-After},
 * never a 500, and not a 401 that would send the client to log in again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=redis-outage-test", "spring.data.redis.timeout=500ms",
				"spring.data.redis.connect-timeout=500ms" })
@RealInfrastructure(testTokens = true)
@Import(ResourceServerSecurityIntegrationTests.ProbeController.class)
class ResourceServerRedisOutageIntegrationTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void redisNobodyAnswers(DynamicPropertyRegistry registry) {
		int closed = Ports.free();
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", () -> closed);
	}

	@Test
	void aTokenThatCannotBeCheckedForRevocationIsA503WithRetryAfter() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/me"))
			.header("Authorization", "Bearer " + TestTokens.user(UUID.randomUUID()))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(response.headers().firstValue("WWW-Authenticate")).as("not a credentials problem").isEmpty();
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("success").asBoolean(true)).isFalse();
		assertThat(body.path("error").path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
	}

	@Test
	void aMissingTokenIsStillA401WithoutAskingRedis() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/me"))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
	}

}
