package com.mclass.gateway.ratelimit;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitingTests {

	@Test
	void keysAnIpv6ClientOnItsSlash64() throws Exception {
		String key = RateLimiting.addressKey(InetAddress.getByName("2001:db8:a:b:1111:2222:3333:4444"));

		assertThat(key).isEqualTo("ip6:2001:db8:a:b::/64");
		assertThat(RateLimiting.addressKey(InetAddress.getByName("2001:db8:a:b::1"))).isEqualTo(key);
		assertThat(RateLimiting.addressKey(InetAddress.getByName("2001:db8:a:c::1"))).isNotEqualTo(key);
	}

	@Test
	void keysAnIpv4ClientOnItsFullAddress() throws Exception {
		assertThat(RateLimiting.addressKey(InetAddress.getByName("192.0.2.7"))).isEqualTo("ip:192.0.2.7");
		assertThat(RateLimiting.addressKey(InetAddress.getByName("::ffff:192.0.2.7"))).isEqualTo("ip:192.0.2.7");
		assertThat(RateLimiting.addressKey(null)).isEqualTo("ip:unknown");
	}

}
