package com.mclass.enrollment.enrollment.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

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

import com.mclass.enrollment.queue.QueueGate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.mclass.enrollment.enrollment.CancelingEnrollment;
import com.mclass.enrollment.enrollment.EditingAnswers;
import com.mclass.enrollment.enrollment.Enrolling;
import com.mclass.enrollment.enrollment.Enrollment;
import com.mclass.enrollment.enrollment.EnrollmentStatus;
import com.mclass.enrollment.enrollment.Enrollments;
import com.mclass.enrollment.enrollment.Recipient;
import com.mclass.enrollment.enrollment.Recipients;
import com.mclass.platform.test.TestTokens;
import com.mclass.platform.web.security.ResourceServerSecurityAutoConfiguration;
import com.mclass.platform.web.security.RevokedSessions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The owner's {@code PUT} on an enrollment, as the plan's "신청 상태 변경" and as an answers edit: a slice of the web
 * layer (security and the envelope included), with the use cases mocked.
 */
@WebMvcTest(controllers = EnrollmentController.class, properties = { "spring.application.name=enrollment-service",
		"spring.web.locale=en", "spring.web.locale-resolver=fixed" })
@Import(EnrollmentController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
class EnrollmentControllerTests {

	private static final UUID CLASS = UUID.randomUUID();

	private static final UUID ENROLLMENT = UUID.randomUUID();

	private static final UUID STUDENT = UUID.randomUUID();

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		registry.add("mclass.security.jwks-uri", TestTokens::jwksUri);
	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Enrolling enrolling;

	@MockitoBean
	EditingAnswers editing;

	@MockitoBean
	CancelingEnrollment canceling;

	@MockitoBean
	Enrollments enrollments;

	@MockitoBean
	Recipients recipients;

	@MockitoBean
	QueueGate queue; // the waiting room's check on enrolling; these tests change and cancel only

	private ResultActions change(String body) throws Exception {
		return this.mvc.perform(put("/api/mclasses/" + CLASS + "/enrollments/" + ENROLLMENT)
			.header("Authorization", "Bearer " + TestTokens.user(STUDENT))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private static Enrollment enrollment(EnrollmentStatus status, String reason) {
		return new Enrollment(ENROLLMENT, CLASS, STUDENT, status, Map.of(), null, reason, Instant.now(), null, null,
				(status == EnrollmentStatus.CANCELED) ? Instant.now() : null, new Recipient("student@example.com", "김민수", "ko"), null);
	}

	@Test
	void thePlansStatusChangeToCanceledCancels() throws Exception {
		given(this.canceling.cancel(STUDENT, CLASS, ENROLLMENT, "일정 변경")).willReturn(enrollment(EnrollmentStatus.CANCELED, "일정 변경"));
		change("{\"status\":\"CANCELED\",\"reason\":\" 일정 변경 \"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.data.status").value("CANCELED"))
			.andExpect(jsonPath("$.data.reason").value("일정 변경"));
		verify(this.editing, never()).edit(any(), any(), any(), any());
	}

	@Test
	void answersAreEditedAsBefore() throws Exception {
		given(this.editing.edit(STUDENT, CLASS, ENROLLMENT, Map.of("phone", "010-1234-5678")))
			.willReturn(enrollment(EnrollmentStatus.APPLIED, null));
		change("{\"answers\":{\"phone\":\"010-1234-5678\"}}").andExpect(status().isOk())
			.andExpect(jsonPath("$.data.status").value("APPLIED"));
		verify(this.canceling, never()).cancel(any(), any(), any(), any());
	}

	@Test
	void aStatusOtherThanCanceledIsA400NamingStatus() throws Exception {
		change("{\"status\":\"APPROVED\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.error.details[0].field").value("status"));
		verify(this.canceling, never()).cancel(any(), any(), any(), any());
		verify(this.editing, never()).edit(any(), any(), any(), any());
	}

	@Test
	void aCancelWithAnswersIsA400NamingAnswers() throws Exception {
		change("{\"status\":\"CANCELED\",\"answers\":{}}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.details[0].field").value("answers"));
		verify(this.canceling, never()).cancel(any(), any(), any(), any());
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
