package com.mclass.enrollment.enrollment.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.enrollment.enrollment.CancelingEnrollment;
import com.mclass.enrollment.enrollment.EditingAnswers;
import com.mclass.enrollment.enrollment.EnrollCommand;
import com.mclass.enrollment.enrollment.EnrollOutcome;
import com.mclass.enrollment.enrollment.Enrolling;
import com.mclass.enrollment.enrollment.EnrollmentView;
import com.mclass.enrollment.enrollment.Enrollments;
import com.mclass.enrollment.enrollment.Recipients;
import com.mclass.enrollment.idempotency.CanonicalJson;
import com.mclass.enrollment.idempotency.IdempotentRequest;
import com.mclass.enrollment.queue.QueueGate;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorDetail;
import com.mclass.platform.web.ErrorMessages;
import com.mclass.platform.web.security.AuthenticatedUser;

/** A student's enrollments in one class: enroll, list, edit answers, cancel. */
@RestController
class EnrollmentController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

	private final Enrolling enrolling;

	private final EditingAnswers editing;

	private final CancelingEnrollment canceling;

	private final Enrollments enrollments;

	private final Recipients recipients;

	private final ErrorMessages messages;

	private final JsonMapper json;

	private final QueueGate queue;

	EnrollmentController(Enrolling enrolling, EditingAnswers editing, CancelingEnrollment canceling, Enrollments enrollments,
			Recipients recipients, ErrorMessages messages, JsonMapper json, QueueGate queue) {
		this.queue = queue;
		this.enrolling = enrolling;
		this.editing = editing;
		this.canceling = canceling;
		this.enrollments = enrollments;
		this.recipients = recipients;
		this.messages = messages;
		this.json = json;
	}

	/**
	 * 201 with the enrollment (APPROVED, WAITLISTED or APPLIED), or a business refusal; a retry with the same
	 * Idempotency-Key and body gets the same status and body again with {@code Idempotent-Replayed: true}.
	 */
	@PostMapping(path = "/api/mclasses/{id}/enrollments", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Enroll in a class", description = "201 with the enrollment (APPROVED, WAITLISTED or APPLIED); "
			+ "409 CLASS_FULL, ALREADY_ENROLLED, RECRUITMENT_NOT_OPEN, RECRUITMENT_CLOSED, REAPPLY_AFTER_REJECTION, "
			+ "IDEMPOTENCY_KEY_IN_USE; 409 QUEUE_REQUIRED while the class's waiting room is active and no admitted Queue-Ticket "
			+ "is sent (QUEUE_NOT_ADMITTED, QUEUE_TICKET_EXPIRED, QUEUE_TICKET_INVALID, QUEUE_TICKET_OTHER_CLASS for a ticket that "
			+ "does not admit); 403 SIGNUP_INCOMPLETE; 422 IDEMPOTENCY_KEY_REUSED; 400 naming each answer at fault. "
			+ "A retry with the same Idempotency-Key and body within 24 h gets the same status and body with "
			+ "Idempotent-Replayed: true.",
			responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
					content = @Content(schema = @Schema(implementation = EnrolledResponse.class))))
	ResponseEntity<byte[]> enroll(@PathVariable UUID id, @RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
			@RequestBody(required = false) @Valid EnrollRequest body, AuthenticatedUser user,
			@RequestHeader(name = QueueGate.HEADER, required = false) String queueTicket) {
		if (!IdempotentRequest.isWellFormed(idempotencyKey)) {
			throw new ApiException(CommonErrorCode.VALIDATION_FAILED, null, List.of(new ErrorDetail(IDEMPOTENCY_KEY,
					this.messages.text("enrollment.reason.idempotencyKey", "must be 1-100 letters, digits, '_', '-', ':' or '.'"))));
		}
		// The waiting room first: while it is active only admitted tickets go on to enrolling (409 QUEUE_REQUIRED).
		String admitted = this.queue.check(id, user.id(), queueTicket);
		Map<String, Object> answers = (body != null) ? body.answersOrEmpty() : Map.of();
		Map<String, Object> canonical = new LinkedHashMap<>();
		canonical.put("answers", answers);
		IdempotentRequest request = IdempotentRequest.of(user.id(), idempotencyKey, "POST", "/api/mclasses/" + id + "/enrollments",
				CanonicalJson.of(this.json, canonical));
		EnrollOutcome outcome = this.enrolling.enroll(new EnrollCommand(user.id(), user.signupCompleted(), this.recipients.of(user),
				id, answers, request));
		if (outcome.response().status() < 500) {
			this.queue.used(id, admitted);
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(outcome.response().status()).contentType(MediaType.APPLICATION_JSON);
		if (outcome.replayed()) {
			response.header(IDEMPOTENT_REPLAYED, "true");
		}
		return response.body(outcome.response().body().getBytes(StandardCharsets.UTF_8));
	}

	/** The caller's enrollments in this class, newest first (a canceled one stays listed beside a new one). */
	@GetMapping("/api/mclasses/{id}/enrollments")
	ApiResponse<List<EnrollmentView>> mine(@PathVariable UUID id, AuthenticatedUser user) {
		return ApiResponse.ok(this.enrollments.mine(user.id(), id).stream().map(EnrollmentView::of).toList());
	}

	@PutMapping("/api/mclasses/{id}/enrollments/{enrollmentId}")
	@Operation(summary = "Edit the answers, or cancel (the plan's status change)",
			description = "{\"answers\": …} edits the answers while APPLIED or WAITLISTED (409 ENROLLMENT_NOT_EDITABLE); "
					+ "{\"status\": \"CANCELED\"} cancels like DELETE (409 CANCEL_AFTER_START, TRANSITION_NOT_ALLOWED).")
	ApiResponse<EnrollmentView> editAnswers(@PathVariable UUID id, @PathVariable UUID enrollmentId,
			@RequestBody @Valid EnrollmentChangeRequest body, AuthenticatedUser user) {
		if (body.cancels(this.messages)) {
			return ApiResponse.ok(EnrollmentView.of(this.canceling.cancel(user.id(), id, enrollmentId, body.reasonOrNull())));
		}
		return ApiResponse.ok(EnrollmentView.of(this.editing.edit(user.id(), id, enrollmentId, body.answersOrEmpty())));
	}

	@DeleteMapping("/api/mclasses/{id}/enrollments/{enrollmentId}")
	ApiResponse<EnrollmentView> cancel(@PathVariable UUID id, @PathVariable UUID enrollmentId,
			@RequestBody(required = false) @Valid CancelRequest body, AuthenticatedUser user) {
		String reason = (body != null && body.reason() != null && !body.reason().isBlank()) ? body.reason().strip() : null;
		return ApiResponse.ok(EnrollmentView.of(this.canceling.cancel(user.id(), id, enrollmentId, reason)));
	}

}
