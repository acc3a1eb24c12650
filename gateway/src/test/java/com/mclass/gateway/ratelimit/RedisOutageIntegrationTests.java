package com.mclass.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mclass.gateway.GatewayIntegrationTest;
import com.mclass.platform.test.Ports;
import com.mclass.platform.test.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway whose Redis is down (its port has no server): a context of its own. What cannot be counted or checked
 * is refused; what only loses its rate limit goes on.
 */
@RealInfrastructure(testTokens = true)
class RedisOutageIntegrationTests extends GatewayIntegrationTest {

	private static final int DEAD_REDIS_PORT = Ports.free();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void deadRedis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", () -> DEAD_REDIS_PORT);
	}

	@Test
	void refusesTheTokenEndpointsRatherThanLettingGuessesThroughUncounted() {
		long loginsBefore = loginsReceived();

		this.client.post()
			.uri("/api/auth/login")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("SERVICE_UNAVAILABLE");

		assertThat(loginsReceived()).isEqualTo(loginsBefore);
	}

	@Test
	void refusesSignedInRequestsWhileRevokedSessionsCannotBeChecked() {
		this.client.get()
			.uri("/api/enrollments/redis-down")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("SERVICE_UNAVAILABLE");

		assertThat(ENROLLMENT.receivedOn("/api/enrollments/redis-down")).isEmpty();
	}

	@Test
	void keepsServingAnonymousBrowsingWithoutItsRateLimit() {
		this.client.get().uri("/api/mclasses/redis-down").exchange().expectStatus().isOk();

		assertThat(CLASS.receivedOn("/api/mclasses/redis-down")).isPresent();
	}

	@Test
	void staysReadySoThatTheLoadBalancerKeepsSendingTraffic() {
		management().get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	private static long loginsReceived() {
		return AUTH.received().stream().filter((request) -> request.rawPath().equals("/api/auth/login")).count();
	}

}
