package com.mclass.gateway.admission;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PathTraversalGuardTests {

	@ParameterizedTest
	@ValueSource(strings = { "/api/auth/../../internal/users", "/api/auth/..", "/api/auth/./me", "/api/auth/..;/internal",
			"/api/auth;x=1/me", "/api/auth/%2e%2e/internal", "/api/auth/%2E%2E/internal", "/api/auth/..%2finternal",
			"/api/auth/..%2Finternal", "/api/auth/..%5cinternal", "/api/auth/..\\internal", "/api/auth//me",
			"/api/auth/%252e%252e/internal", "/api/auth/me%00" })
	void refusesPathsAServiceWouldReadDifferently(String rawPath) {
		assertThat(PathTraversalGuard.isAmbiguous(rawPath)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/auth/me", "/api/mclasses/42/enrollments/9", "/api/mclasses/%ED%95%9C",
			"/api/auth/google/callback", "/api/terms/v1.2", "/api/mclasses/a..b", "/" })
	void admitsOrdinaryPaths(String rawPath) {
		assertThat(PathTraversalGuard.isAmbiguous(rawPath)).isFalse();
	}

}
