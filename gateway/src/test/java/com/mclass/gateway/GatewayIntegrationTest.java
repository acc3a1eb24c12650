package com.mclass.gateway;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running gateway on a random port in front of stub services that are real HTTP servers. The notification service
 * is down: its URL points at a port nothing listens on. The response timeout is short so that the slow stub exceeds it.
 * Every integration test extends this class, so they all share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s",
				"mclass.gateway.request-body.max-size=64KB" })
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

}
