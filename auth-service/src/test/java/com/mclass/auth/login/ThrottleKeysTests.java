package com.mclass.auth.login;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottleKeysTests {

	@Test
	void anIpv6AddressCountsByItsSlashSixtyFour() {
		assertThat(ThrottleKeys.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
		assertThat(ThrottleKeys.of("2001:DB8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
		assertThat(ThrottleKeys.of("2001:db8:1:3::1")).isNotEqualTo(ThrottleKeys.of("2001:db8:1:2::1"));
		assertThat(ThrottleKeys.of("::1")).isEqualTo("0:0:0:0::/64");
	}

	@Test
	void anIpv4AddressCountsByItselfAlsoWhenMappedIntoIpv6() {
		assertThat(ThrottleKeys.of("198.51.100.7")).isEqualTo("198.51.100.7");
		assertThat(ThrottleKeys.of("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
	}

	@Test
	void somethingThatIsNotAnAddressIsNeverResolved() {
		assertThat(ThrottleKeys.of("example.com")).isEqualTo("example.com");
		assertThat(ThrottleKeys.of("not:an:address:at:all:zz")).isEqualTo("not:an:address:at:all:zz");
		assertThat(ThrottleKeys.of(null)).isEqualTo("unknown");
	}

}
