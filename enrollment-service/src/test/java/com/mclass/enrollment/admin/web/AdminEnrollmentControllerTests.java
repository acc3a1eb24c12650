package com.mclass.enrollment.admin.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.mclass.enrollment.admin.AdminDecisions;
import com.mclass.enrollment.admin.AdminDecisions.Decision;
import com.mclass.enrollment.admin.EnrollmentExports;
import com.mclass.enrollment.enrollment.Enrollment;
import com.mclass.enrollment.enrollment.EnrollmentStatus;
import com.mclass.enrollment.enrollment.Enrollments;
import com.mclass.enrollment.enrollment.Recipient;
import com.mclass.platform.test.TestTokens;
import com.mclass.platform.web.security.ResourceServerSecurityAutoConfiguration;
import com.mclass.platform.web.security.RevokedSessions;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin decision's request body, as a client of the plan sends it and as older clients do: a slice of the web
 * layer (security and the envelope included), with the use case mocked.
 */
@WebMvcTest(controllers = AdminEnrollmentController.class, properties = { "spring.application.name=enrollment-service",
		"spring.web.locale=en", "spring.web.locale-resolver=fixed" })
@Import(AdminEnrollmentController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
class AdminEnrollmentControllerTests {

	private static final UUID ENROLLMENT = UUID.randomUUID();

	private static final UUID ADMIN = UUID.randomUUID();

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		registry.add("mclass.security.jwks-uri", TestTokens::jwksUri);
	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AdminDecisions decisions;

	@MockitoBean
	Enrollments enrollments;

	@MockitoBean
	EnrollmentExports exports;

	@BeforeEach
	void decisionsSucceed() {
		given(this.decisions.decide(eq(ENROLLMENT), any(Decision.class), any(), eq(ADMIN))).willAnswer((call) -> {
			Decision decision = call.getArgument(1);
			EnrollmentStatus status = switch (decision) {
				case APPROVE -> EnrollmentStatus.APPROVED;
				case REJECT -> EnrollmentStatus.REJECTED;
				case WAITLIST -> EnrollmentStatus.WAITLISTED;
			};
			return new Enrollment(ENROLLMENT, UUID.randomUUID(), UUID.randomUUID(), status, Map.of(), null, call.getArgument(2),
					Instant.now(), Instant.now(), ADMIN, null, new Recipient("student@example.com", "김민수", "ko"), null);
		});
	}

	private ResultActions decide(String body) throws Exception {
		return this.mvc.perform(put("/api/admin/enrollments/" + ENROLLMENT).header("Authorization", "Bearer " + TestTokens.admin(ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	@Test
	void thePlansTargetStatusDecides() throws Exception {
		decide("{\"status\":\"REJECTED\",\"reason\":\"  정원 마감  \"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.data.status").value("REJECTED"))
			.andExpect(jsonPath("$.data.reason").value("정원 마감"));
		verify(this.decisions).decide(ENROLLMENT, Decision.REJECT, "정원 마감", ADMIN);
	}

	@Test
	void everyTargetStatusMapsToItsDecision() throws Exception {
		decide("{\"status\":\"APPROVED\"}").andExpect(jsonPath("$.data.status").value("APPROVED"));
		decide("{\"status\":\"WAITLISTED\"}").andExpect(jsonPath("$.data.status").value("WAITLISTED"));
		verify(this.decisions).decide(eq(ENROLLMENT), eq(Decision.APPROVE), isNull(), eq(ADMIN));
		verify(this.decisions).decide(eq(ENROLLMENT), eq(Decision.WAITLIST), isNull(), eq(ADMIN));
	}

	@Test
	void theActionAliasStillWorks() throws Exception {
		decide("{\"action\":\"APPROVE\"}").andExpect(status().isOk()).andExpect(jsonPath("$.data.status").value("APPROVED"));
	}

	@Test
	void statusAndActionThatAgreeAreAccepted() throws Exception {
		decide("{\"status\":\"WAITLISTED\",\"action\":\"WAITLIST\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.data.status").value("WAITLISTED"));
	}

	@Test
	void statusAndActionThatDisagreeAreA400NamingBoth() throws Exception {
		decide("{\"status\":\"APPROVED\",\"action\":\"REJECT\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.error.details[*].field").value(containsInAnyOrder("status", "action")));
		verify(this.decisions, never()).decide(any(), any(), any(), any());
	}

	@Test
	void aBodyWithNeitherIsA400NamingStatus() throws Exception {
		decide("{\"reason\":\"why\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.error.details[0].field").value("status"));
	}

	@Test
	void aStatusAnAdminCannotSetIsA400NamingStatus() throws Exception {
		decide("{\"status\":\"CANCELED\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.details[0].field").value("status"));
	}

	@Test
	void aStudentCannotDecide() throws Exception {
		this.mvc.perform(put("/api/admin/enrollments/" + ENROLLMENT).header("Authorization", "Bearer " + TestTokens.user(UUID.randomUUID()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"APPROVED\"}")).andExpect(status().isForbidden()).andExpect(jsonPath("$.error.code").value("FORBIDDEN"));
	}

	@SpringBootConfiguration
	static class Slice {

		/** No session is revoked: revocation has its own tests in platform-web. */
		@Bean
		RevokedSessions revokedSessions() {
			return (sessionId) -> false;
		}

	}

}
