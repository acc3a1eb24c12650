package com.mclass.gateway.classlist;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mclass.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class list while class-service does not answer: the class-service stub drops the connection for the test's
 * queries (a service that died mid-request; the gateway tries once more, then gives up with 502), after the gateway
 * kept a copy whose {@code max-age} (1 s) ran out.
 */
class ClassListWhileClassServiceIsDownIntegrationTests extends GatewayIntegrationTest {

	private static final String PUBLIC_FOR_A_SECOND = "max-age%3D1%2C%20public";

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@Test
	void answersWithTheLastCopyMarkedStale() throws InterruptedException {
		String marker = UUID.randomUUID().toString();
		URI list = list(marker);
		String first = body(list);
		Thread.sleep(1_100);
		String last = body(list);
		assertThat(last).as("expired: asked again while class-service answers").isNotEqualTo(first);
		Thread.sleep(1_100);

		CLASS.hangUpOnQueriesContaining(marker);

		this.client.get()
			.uri(list)
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=0, private")
			.expectHeader()
			.value(HttpHeaders.AGE, (age) -> assertThat(Long.parseLong(age)).isPositive())
			.expectBody(String.class)
			.isEqualTo(last);
	}

	@Test
	void answersTheFailureWhereThereIsNoCopy() {
		String marker = UUID.randomUUID().toString();
		CLASS.hangUpOnQueriesContaining(marker);

		this.client.get()
			.uri(list(marker))
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("BAD_GATEWAY");
	}

	private String body(URI list) {
		return this.client.get().uri(list).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

	private URI list(String marker) {
		return URI.create("http://localhost:" + this.port + "/api/mclasses?q=" + marker + "&stubCacheControl="
				+ PUBLIC_FOR_A_SECOND);
	}

}
