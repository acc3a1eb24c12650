package com.mclass.gateway.forwarding;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientOriginTests {

	private final TrustedProxies loadBalancers = TrustedProxies.of(List.of("10.0.0.0/16", "2001:db8:ffff::/48"));

	@Test
	void takesTheFirstAddressFromTheRightThatIsNotATrustedProxy() throws Exception {
		InetAddress client = ClientOrigin.clientBehind(address("10.0.1.5"),
				List.of("203.0.113.9, 198.51.100.7", "10.0.2.8"), this.loadBalancers);

		assertThat(client).isEqualTo(address("198.51.100.7"));
	}

	@Test
	void takesTheLeftmostAddressWhenEveryHopIsTrusted() throws Exception {
		assertThat(ClientOrigin.clientBehind(address("10.0.1.5"), List.of("10.0.3.3, 10.0.2.8"), this.loadBalancers))
			.isEqualTo(address("10.0.3.3"));
	}

	@Test
	void stopsAtGarbageAndKeepsTheProxyThatPassedItOn() throws Exception {
		assertThat(ClientOrigin.clientBehind(address("10.0.1.5"), List.of("198.51.100.7, unknown, 10.0.2.8"),
				this.loadBalancers))
			.isEqualTo(address("10.0.2.8"));
		assertThat(ClientOrigin.clientBehind(address("10.0.1.5"), List.of("evil.example"), this.loadBalancers))
			.isEqualTo(address("10.0.1.5"));
	}

	@Test
	void readsAddressesWithPortsAndBrackets() throws Exception {
		assertThat(ClientOrigin.clientBehind(address("10.0.1.5"), List.of("[2001:db8::7]:4711"), this.loadBalancers))
			.isEqualTo(address("2001:db8::7"));
		assertThat(ClientOrigin.clientBehind(address("10.0.1.5"), List.of("198.51.100.7:4711"), this.loadBalancers))
			.isEqualTo(address("198.51.100.7"));
	}

	@Test
	void keepsThePeerWhenNothingIsForwarded() throws Exception {
		assertThat(ClientOrigin.clientBehind(address("10.0.1.5"), List.of(), this.loadBalancers))
			.isEqualTo(address("10.0.1.5"));
	}

	private static InetAddress address(String literal) {
		return AddressRange.literal(literal);
	}

}
