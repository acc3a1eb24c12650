package com.mclass.enrollment.admin.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.enrollment.admin.AdminDecisions;
import com.mclass.enrollment.admin.EnrollmentExports;
import com.mclass.enrollment.enrollment.Actor;
import com.mclass.enrollment.enrollment.Enrollment;
import com.mclass.enrollment.enrollment.EnrollmentFilter;
import com.mclass.enrollment.enrollment.EnrollmentPage;
import com.mclass.enrollment.enrollment.EnrollmentSort;
import com.mclass.enrollment.enrollment.EnrollmentStatus;
import com.mclass.enrollment.enrollment.Enrollments;
import com.mclass.enrollment.enrollment.Transition;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorDetail;
import com.mclass.platform.web.ErrorMessages;
import com.mclass.platform.web.security.AuthenticatedUser;

/** Admins list, decide and export enrollments ({@code /api/admin/**} is ADMIN only, at the gateway and here). */
@RestController
class AdminEnrollmentController {

	private final Enrollments enrollments;

	private final AdminDecisions decisions;

	private final EnrollmentExports exports;

	private final ErrorMessages messages;

	AdminEnrollmentController(Enrollments enrollments, AdminDecisions decisions, EnrollmentExports exports, ErrorMessages messages) {
		this.enrollments = enrollments;
		this.decisions = decisions;
		this.exports = exports;
		this.messages = messages;
	}

	@GetMapping("/api/admin/enrollments")
	ApiResponse<List<AdminEnrollmentView>> search(@RequestParam(required = false) UUID mclassId,
			@RequestParam(required = false) EnrollmentStatus status, @RequestParam(required = false) UUID userId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @RequestParam(required = false) String sort) {
		EnrollmentSort order = EnrollmentSort.parse(sort)
			.orElseThrow(() -> new ApiException(CommonErrorCode.VALIDATION_FAILED, null, List.of(new ErrorDetail("sort",
					this.messages.text("enrollment.reason.sort", "must be one of {0}, optionally followed by ,asc or ,desc",
							EnrollmentSort.sortableFields())))));
		EnrollmentPage found = this.enrollments.search(new EnrollmentFilter(mclassId, status, userId, from, to), order, page, size);
		return ApiResponse.ok(found.content().stream().map(AdminEnrollmentView::of).toList(),
				new PageMeta(found.page(), found.size(), found.totalElements(), found.totalPages()));
	}

	@GetMapping("/api/admin/enrollments/{id}")
	@Operation(summary = "One enrollment as an admin sees it", description = "404 when there is no such enrollment.")
	ApiResponse<AdminEnrollmentView> one(@PathVariable UUID id) {
		return ApiResponse.ok(AdminEnrollmentView.of(this.enrollments.find(id).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND))));
	}

	@GetMapping("/api/admin/enrollments/{id}/history")
	@Operation(summary = "Every transition of an enrollment, oldest first",
			description = "Each with the status it left (null for the application), the status it entered, who made it "
					+ "(USER: the student, ADMIN: an admin, SYSTEM: a waitlist promotion), the reason given and when. "
					+ "404 when there is no such enrollment.")
	ApiResponse<List<TransitionView>> history(@PathVariable UUID id) {
		if (this.enrollments.find(id).isEmpty()) {
			throw new ApiException(CommonErrorCode.NOT_FOUND);
		}
		return ApiResponse.ok(this.enrollments.history(id).stream().map(TransitionView::of).toList());
	}

	@PutMapping("/api/admin/enrollments/{id}")
	@Operation(summary = "Approve, reject or waitlist an enrollment",
			description = "The plan's body names the target status; `action` is an alias. 409 CLASS_FULL (no seat to "
					+ "approve onto), WAITLIST_FULL, TRANSITION_NOT_ALLOWED; 400 naming `status` (and `action` when both "
					+ "are sent and disagree).")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = DecisionRequest.class),
			examples = { @ExampleObject(name = "approve (the plan's form)", value = "{\"status\": \"APPROVED\"}"),
					@ExampleObject(name = "reject with a reason", value = "{\"status\": \"REJECTED\", \"reason\": \"정원이 마감되었습니다\"}"),
					@ExampleObject(name = "waitlist (action alias)", value = "{\"action\": \"WAITLIST\"}") }))
	ApiResponse<AdminEnrollmentView> decide(@PathVariable UUID id, @RequestBody @Valid DecisionRequest body, AuthenticatedUser admin) {
		return ApiResponse.ok(AdminEnrollmentView.of(this.decisions.decide(id, body.decision(this.messages), body.reasonOrNull(),
				admin.id())));
	}

	/** CSV for Excel (UTF-8 with BOM), one row per enrollment of the class, one column per question. */
	@GetMapping("/api/admin/mclasses/{id}/enrollments.csv")
	void export(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		this.exports.requireClass(id);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"enrollments-" + id + ".csv\"");
		this.exports.write(id, response.getOutputStream());
	}

	/** A transition as the history endpoint shows it; {@code actorId} is null for SYSTEM. */
	record TransitionView(EnrollmentStatus from, EnrollmentStatus to, Actor.Type actorType, UUID actorId, String reason,
			Instant occurredAt) {

		static TransitionView of(Transition transition) {
			return new TransitionView(transition.from(), transition.to(), transition.actor().type(), transition.actor().id(),
					transition.reason(), transition.occurredAt());
		}

	}

	record PageMeta(int page, int size, long totalElements, int totalPages) {
	}

	/**
	 * An enrollment as an admin sees it: the owner's view (with {@code offerExpiresAt} while OFFERED) plus who decided
	 * and whom the emails go to.
	 */
	record AdminEnrollmentView(UUID id, UUID mclassId, UUID userId, EnrollmentStatus status, Map<String, Object> answers,
			Integer formVersion, Instant appliedAt, Instant decidedAt, Instant canceledAt, String reason, Instant offerExpiresAt,
			UUID decidedBy, String email, String name) {

		static AdminEnrollmentView of(Enrollment enrollment) {
			return new AdminEnrollmentView(enrollment.id(), enrollment.mclassId(), enrollment.userId(), enrollment.status(),
					enrollment.answers(), enrollment.formVersion(), enrollment.appliedAt(), enrollment.decidedAt(),
					enrollment.canceledAt(), enrollment.reason(), enrollment.offerExpiresAt(), enrollment.decidedBy(),
					enrollment.recipient().email(), enrollment.recipient().name());
		}

	}

}
