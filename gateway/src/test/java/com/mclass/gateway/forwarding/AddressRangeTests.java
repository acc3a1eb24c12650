package com.mclass.gateway.forwarding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AddressRangeTests {

	@Test
	void matchesAddressesInsideTheBlockOnly() {
		AddressRange subnet = AddressRange.parse("10.0.16.0/20");

		assertThat(subnet.contains(AddressRange.literal("10.0.16.1"))).isTrue();
		assertThat(subnet.contains(AddressRange.literal("10.0.31.255"))).isTrue();
		assertThat(subnet.contains(AddressRange.literal("10.0.32.0"))).isFalse();
		assertThat(subnet.contains(AddressRange.literal("10.0.15.255"))).isFalse();
	}

	@Test
	void takesABareAddressForABlockOfOne() {
		AddressRange one = AddressRange.parse("192.0.2.10");

		assertThat(one.contains(AddressRange.literal("192.0.2.10"))).isTrue();
		assertThat(one.contains(AddressRange.literal("192.0.2.11"))).isFalse();
	}

	@Test
	void matchesIpv6AndNeverMixesFamilies() {
		AddressRange v6 = AddressRange.parse("2001:db8::/32");

		assertThat(v6.contains(AddressRange.literal("2001:db8:1::5"))).isTrue();
		assertThat(v6.contains(AddressRange.literal("2001:db9::5"))).isFalse();
		assertThat(AddressRange.parse("0.0.0.0/0").contains(AddressRange.literal("::1"))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "alb.internal", "10.0.0.0/33", "10.0.0/8", "256.1.1.1", "10.0.0.0/x", "::1/129" })
	void refusesWhatIsNotABlock(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "example.com", "1.2.3", "unknown", "12345" })
	void neverReadsAHostNameAsAnAddress(String text) {
		assertThat(AddressRange.literal(text)).isNull();
	}

}
