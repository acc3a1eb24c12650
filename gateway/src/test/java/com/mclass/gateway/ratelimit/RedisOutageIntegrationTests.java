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
 * A gateway whose Redis is down (its port has no server): a context of its own. What cannot be checked (revoked
 * sessions) is refused; rate limits are counted in memory and go on.
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
	void keepsLimitingTheTokenEndpointsInMemory() {
		long loginsBefore = loginsReceived();
		int allowed = 0;
		int refused = 0;
		long startedAt = System.nanoTime();
		// The test context's limit for the token endpoints: a burst of 20 per address (127.0.0.1, this test's alone),
		// then 1/s.
		for (int i = 0; i < 40; i++) {
			int status = this.client.post().uri("/api/auth/login").exchange().returnResult(String.class).getStatus().value();
			if (status == 200) {
				allowed++;
			}
			else if (status == 429) {
				refused++;
			}
		}

		long seconds = (System.nanoTime() - startedAt) / 1_000_000_000L;
		assertThat(allowed).isBetween(20, 21 + (int) seconds);
		assertThat(refused).isEqualTo(40 - allowed);
		assertThat(loginsReceived() - loginsBefore).isEqualTo(allowed);
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
	void keepsServingAnonymousBrowsing() {
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
