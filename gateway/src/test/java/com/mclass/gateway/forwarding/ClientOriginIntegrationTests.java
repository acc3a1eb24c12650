package com.mclass.gateway.forwarding;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mclass.gateway.GatewayIntegrationTest;
import com.mclass.gateway.StubService;

import static org.assertj.core.api.Assertions.assertThat;

/** The test context trusts 127.0.0.2 as its load balancer; ordinary test requests come from 127.0.0.1. */
class ClientOriginIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@Test
	void replacesForwardingHeadersFromAnUntrustedPeerWithWhatTheGatewaySaw() {
		this.client.get()
			.uri("/api/mclasses/spoofed-forwarding")
			.header("X-Forwarded-For", "203.0.113.9")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Port", "443")
			.header("Forwarded", "for=203.0.113.9;proto=https")
			.header("X-Real-IP", "203.0.113.9")
			.exchange()
			.expectStatus()
			.isOk();

		StubService.ReceivedRequest received = CLASS.receivedOn("/api/mclasses/spoofed-forwarding").orElseThrow();
		assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
		assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
		assertThat(received.header("X-Forwarded-Host")).isEqualTo("localhost:" + this.port);
		assertThat(received.header("X-Forwarded-Port")).isNull();
		assertThat(received.header("Forwarded")).isNull();
		assertThat(received.header("X-Real-IP")).isNull();
	}

	@Test
	void believesTheTrustedProxyAboutTheClientItSaw() {
		fromTrustedProxy(this.port).get()
			.uri("/api/mclasses/behind-the-load-balancer")
			// The client wrote the first address itself; the load balancer appended what it saw.
			.header("X-Forwarded-For", "203.0.113.9, 198.51.100.7")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "api.mclass.example")
			.exchange()
			.expectStatus()
			.isOk();

		StubService.ReceivedRequest received = CLASS.receivedOn("/api/mclasses/behind-the-load-balancer").orElseThrow();
		assertThat(received.header("X-Forwarded-For")).isEqualTo("198.51.100.7");
		assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https");
		assertThat(received.header("X-Forwarded-Host")).isEqualTo("api.mclass.example");
	}

	@Test
	void takesTheProxyItselfForTheClientWhenItForwardsNoAddress() {
		fromTrustedProxy(this.port).get().uri("/api/mclasses/from-the-proxy-itself").exchange().expectStatus().isOk();

		assertThat(CLASS.receivedOn("/api/mclasses/from-the-proxy-itself").orElseThrow().header("X-Forwarded-For"))
			.isEqualTo("127.0.0.2");
	}

}
