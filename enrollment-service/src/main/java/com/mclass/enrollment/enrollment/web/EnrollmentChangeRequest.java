package com.mclass.enrollment.enrollment.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorDetail;
import com.mclass.platform.web.ErrorMessages;

/**
 * What the owner changes on their enrollment ({@code PUT}): its {@code answers}, or — the plan's "신청 상태 변경" —
 * its {@code status}, where the one status a student can set is {@code CANCELED} (the same as {@code DELETE}). A body
 * with both, or another status, is a 400 naming the field: a cancel must never be taken for an edit that empties the
 * answers.
 */
@Schema(description = "Either {\"answers\": {questionId: value}} to edit the answers, or {\"status\": \"CANCELED\", \"reason\"?} "
		+ "to cancel (the plan's status change; same as DELETE)")
record EnrollmentChangeRequest(@Size(max = 100) Map<String, Object> answers,
		@Schema(description = "CANCELED is the only status a student can set", allowableValues = "CANCELED") String status,
		@Schema(description = "Why, when canceling") @Size(max = 500) String reason) {

	static final String CANCELED = "CANCELED";

	/** Whether this asks to cancel; refuses a status other than CANCELED and a body that asks for both. */
	boolean cancels(ErrorMessages messages) {
		if (this.status == null) {
			return false;
		}
		if (!CANCELED.equals(this.status)) {
			throw new ApiException(CommonErrorCode.VALIDATION_FAILED, null, List.of(new ErrorDetail("status",
					messages.text("enrollment.reason.ownerStatus", "can only be CANCELED"))));
		}
		if (this.answers != null) {
			throw new ApiException(CommonErrorCode.VALIDATION_FAILED, null, List.of(new ErrorDetail("answers",
					messages.text("enrollment.reason.answersWithCancel", "cannot be sent with status CANCELED"))));
		}
		return true;
	}

	Map<String, Object> answersOrEmpty() {
		return (this.answers != null) ? this.answers : Map.of();
	}

	String reasonOrNull() {
		return (this.reason != null && !this.reason.isBlank()) ? this.reason.strip() : null;
	}

}
