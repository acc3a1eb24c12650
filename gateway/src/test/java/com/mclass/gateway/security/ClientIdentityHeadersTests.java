package com.mclass.gateway.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIdentityHeadersTests {

	@ParameterizedTest
	@ValueSource(strings = { "X-User-Id", "x-user-role", "X-USER-EMAIL", "X-Authenticated-User", "X-Auth-Request-User",
			"X-Userid", "X-Roles", "Remote-User", "X-Remote-User" })
	void dropsHeadersThatClaimAnIdentity(String name) {
		assertThat(ClientIdentityHeaders.isIdentityClaim(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Authorization", "User-Agent", "X-Request-Id", "Idempotency-Key", "traceparent",
			"Accept-Language" })
	void keepsEverythingElse(String name) {
		assertThat(ClientIdentityHeaders.isIdentityClaim(name)).isFalse();
	}

}
