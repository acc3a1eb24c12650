package com.mclass.enrollment.enrollment.web;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;

import com.mclass.enrollment.EnrollmentErrorCode;
import com.mclass.platform.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedEmailRequirementTests {

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void refusesEnrollingWithATokenWhoseEmailIsNotVerified() {
		signedIn(Map.of("email_verified", false));

		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> new VerifiedEmailRequirement(true).preHandle(enroll(), null, null))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(EnrollmentErrorCode.EMAIL_NOT_VERIFIED))
			.satisfies((ex) -> assertThat(ex.errorCode().httpStatus()).isEqualTo(403));
	}

	@Test
	void refusesATokenWithoutTheClaimAtAll() {
		signedIn(Map.of());

		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> new VerifiedEmailRequirement(true).preHandle(enroll(), null, null));
	}

	@Test
	void letsAVerifiedAddressEnrollAndOtherMethodsThrough() {
		signedIn(Map.of("email_verified", true));
		assertThat(new VerifiedEmailRequirement(true).preHandle(enroll(), null, null)).isTrue();

		signedIn(Map.of("email_verified", false));
		MockHttpServletRequest list = new MockHttpServletRequest("GET", "/api/mclasses/1/enrollments");
		assertThat(new VerifiedEmailRequirement(true).preHandle(list, new MockHttpServletResponse(), null)).isTrue();
	}

	@Test
	void isNotInstalledUnlessRequired() {
		InterceptorRegistry registry = new InterceptorRegistry();
		new VerifiedEmailRequirement(false).addInterceptors(registry);
		InterceptorRegistry required = new InterceptorRegistry();
		new VerifiedEmailRequirement(true).addInterceptors(required);

		assertThat(registry).extracting("registrations").asList().isEmpty();
		assertThat(required).extracting("registrations").asList().hasSize(1);
	}

	private static MockHttpServletRequest enroll() {
		return new MockHttpServletRequest("POST", "/api/mclasses/1/enrollments");
	}

	private static void signedIn(Map<String, Object> claims) {
		Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u").issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60));
		claims.forEach(jwt::claim);
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt.build()));
	}

}
