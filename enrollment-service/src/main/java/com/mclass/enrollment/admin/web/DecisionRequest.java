package com.mclass.enrollment.admin.web;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

import com.mclass.enrollment.admin.AdminDecisions.Decision;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorDetail;
import com.mclass.platform.web.ErrorMessages;

/**
 * What an admin decides about an enrollment. The documented form is the plan's: the target {@code status} and an
 * optional {@code reason}. {@code action} (the verb) is kept as an alias for clients written against it; a request
 * may carry both only when they mean the same decision.
 */
@Schema(name = "AdminDecisionRequest", description = "The plan's body: {\"status\": \"APPROVED\"|\"REJECTED\"|\"WAITLISTED\", "
		+ "\"reason\"}. `action` (APPROVE|REJECT|WAITLIST) is accepted as an alias; one of the two is required, and both "
		+ "together must agree.")
record DecisionRequest(
		@Schema(description = "The status the enrollment moves to (the plan's form)") TargetStatus status,
		@Schema(description = "Alias of status, as a verb: APPROVE = APPROVED, REJECT = REJECTED, WAITLIST = WAITLISTED") Decision action,
		@Schema(description = "Why, shown to the student (e.g. in the rejection email)") @Size(max = 500) String reason) {

	/** The statuses an admin can move an enrollment to. */
	enum TargetStatus {

		APPROVED(Decision.APPROVE), REJECTED(Decision.REJECT), WAITLISTED(Decision.WAITLIST);

		private final Decision decision;

		TargetStatus(Decision decision) {
			this.decision = decision;
		}

	}

	/**
	 * The decision the request asks for.
	 * @throws ApiException 400 {@code VALIDATION_FAILED} naming {@code status} when neither field is given, or both
	 * {@code status} and {@code action} when they disagree
	 */
	Decision decision(ErrorMessages messages) {
		if (this.status == null && this.action == null) {
			throw new ApiException(CommonErrorCode.VALIDATION_FAILED, null, List.of(new ErrorDetail("status",
					messages.text("enrollment.reason.statusRequired", "is required (APPROVED, REJECTED or WAITLISTED)"))));
		}
		if (this.status != null && this.action != null && this.status.decision != this.action) {
			String reason = messages.text("enrollment.reason.statusAndActionDisagree",
					"status {0} and action {1} ask for different decisions; send one of them", this.status, this.action);
			List<ErrorDetail> details = new ArrayList<>();
			details.add(new ErrorDetail("status", reason));
			details.add(new ErrorDetail("action", reason));
			throw new ApiException(CommonErrorCode.VALIDATION_FAILED, null, details);
		}
		return (this.status != null) ? this.status.decision : this.action;
	}

	/** The reason without surrounding blanks; none when blank. */
	String reasonOrNull() {
		return (this.reason != null && !this.reason.isBlank()) ? this.reason.strip() : null;
	}

}
