package com.mclass.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;

import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mclass.platform.test.RealInfrastructure;
import com.mclass.platform.test.TestTokens;

/**
 * The running gateway on a random port in front of stub services that are real HTTP servers, with a real Redis and
 * access tokens signed by {@link TestTokens}' key. The notification service is down: its URL points at a port nothing
 * listens on. The response timeout is short so that the slow stub exceeds it. Requests from 127.0.0.2 come from a
 * trusted proxy; everything else (127.0.0.1) connects directly. Rate limits are low enough to reach in a test even on a
 * slow machine: users 1/s with a burst of 40, the token endpoints 1/s with a burst of 20 per address. The gateway keeps
 * public class lists for up to 30 s (longer than any test takes), so that a test sees keeping, not expiry. Integration tests
 * extend this class, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s",
				"mclass.gateway.request-body.max-size=64KB", "mclass.gateway.trusted-proxies=127.0.0.2/32",
				"mclass.gateway.rate-limit.user.replenish-rate=1", "mclass.gateway.rate-limit.user.burst-capacity=40",
				"mclass.gateway.rate-limit.auth.replenish-rate=1", "mclass.gateway.rate-limit.auth.burst-capacity=20",
				"mclass.gateway.cors.allowed-origins=https://app.mclass.test",
				"mclass.gateway.class-list-cache.ttl=30s" })
@RealInfrastructure(redis = true, testTokens = true)
@AutoConfigureWebTestClient(timeout = "20s")
public abstract class GatewayIntegrationTest {

	protected static final StubService AUTH = StubService.start("auth-service");

	protected static final StubService CLASS = StubService.start("class-service");

	protected static final StubService ENROLLMENT = StubService.start("enrollment-service");

	protected static final String UNREACHABLE_NOTIFICATION_URL = StubService.unreachableUrl();

	@DynamicPropertySource
	static void serviceUrls(DynamicPropertyRegistry registry) {
		registry.add("MCLASS_AUTH_URL", AUTH::url);
		registry.add("MCLASS_CLASS_URL", CLASS::url);
		registry.add("MCLASS_ENROLLMENT_URL", ENROLLMENT::url);
		registry.add("MCLASS_NOTIFICATION_URL", () -> UNREACHABLE_NOTIFICATION_URL);
	}

	/** A signed-up user's token; a new user each time, so that tests never share a rate-limit bucket. */
	protected static String userToken() {
		return TestTokens.user(UUID.randomUUID());
	}

	protected static String adminToken() {
		return TestTokens.admin(UUID.randomUUID());
	}

	/** An enrollment request by a new user (a fresh {@code Idempotency-Key}, no answers) to {@code path}, sent. */
	protected static WebTestClient.ResponseSpec enrollAsNewUser(WebTestClient client, String path) {
		return client.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue("{}")
			.exchange();
	}

	/** The management port (probes, metrics): separate from the public one, picked at random in tests. */
	@Value("${local.management.port}")
	protected int managementPort;

	/** A client of the actuator on the management port, where the orchestrator and Prometheus reach it. */
	protected WebTestClient management() {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	/** A client connecting from 127.0.0.2, the trusted proxy of the test context, as a load balancer would. */
	protected static WebTestClient fromTrustedProxy(int port) {
		HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress("127.0.0.2", 0));
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
			.baseUrl("http://127.0.0.1:" + port)
			.build();
	}

}
