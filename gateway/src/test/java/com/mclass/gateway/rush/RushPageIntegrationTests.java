package com.mclass.gateway.rush;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mclass.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class RushPageIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	WebTestClient client;

	@Test
	void anyoneGetsThePageWithAPolicyThatAllowsOnlyItsOwnScript() {
		String html = this.client.get()
			.uri("/rush/" + UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.value("Content-Security-Policy", (policy) -> assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(html).contains("<script src=\"/rush/assets/rush.js\"></script>").contains("id=\"position\"").contains("id=\"seats\"");
		this.client.get()
			.uri("/rush/assets/rush.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((script) -> assertThat(script).contains("'Authorization'").doesNotContain("access_token="));
	}

	@Test
	void aPageForSomethingThatIsNotAClassIdIsNotFound() {
		this.client.get().uri("/rush/not-a-class").exchange().expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
	}

}
