package com.mclass.auth.login;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTests {

	private final ClientAddresses addresses = new ClientAddresses(List.of("127.0.0.0/8", "::1", "10.0.0.0/8"));

	@Test
	void believesTheGatewaysHopWhenTheGatewayIsTrusted() {
		assertThat(this.addresses.of(request("127.0.0.1", "203.0.113.7"))).isEqualTo("203.0.113.7");
	}

	@Test
	void ignoresWhatTheClientWroteLeftOfTheGatewaysHop() {
		// The client sent "X-Forwarded-For: 198.51.100.1"; the gateway appended the address it saw.
		assertThat(this.addresses.of(request("127.0.0.1", "198.51.100.1, 203.0.113.7"))).isEqualTo("203.0.113.7");
	}

	@Test
	void skipsTrustedProxiesOnTheWay() {
		assertThat(this.addresses.of(request("10.0.0.5", "203.0.113.7, 10.0.3.4"))).isEqualTo("203.0.113.7");
	}

	@Test
	void ignoresTheHeaderFromAnUntrustedPeer() {
		assertThat(this.addresses.of(request("198.51.100.9", "203.0.113.7"))).isEqualTo("198.51.100.9");
	}

	@Test
	void ignoresGarbageInTheHeader() {
		assertThat(this.addresses.of(request("127.0.0.1", "evil.example.com"))).isEqualTo("127.0.0.1");
		assertThat(this.addresses.of(request("127.0.0.1", " , "))).isEqualTo("127.0.0.1");
	}

	@Test
	void understandsIpv6() {
		assertThat(this.addresses.of(request("::1", "2001:db8::17"))).isEqualTo("2001:db8::17");
	}

	@Test
	void usesThePeerWithoutAHeader() {
		assertThat(this.addresses.of(request("127.0.0.1", null))).isEqualTo("127.0.0.1");
	}

	private static MockHttpServletRequest request(String remote, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
		request.setRemoteAddr(remote);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}
