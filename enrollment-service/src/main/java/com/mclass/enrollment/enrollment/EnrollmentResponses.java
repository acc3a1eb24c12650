package com.mclass.enrollment.enrollment;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import com.mclass.enrollment.idempotency.StoredResponse;
import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.ErrorCode;
import com.mclass.platform.web.ErrorMessages;

/**
 * The bodies of enrolling's outcomes, rendered once so the exact bytes can be stored with the Idempotency-Key and
 * sent again on a replay. Same envelopes as everywhere else in the platform.
 */
@Component
class EnrollmentResponses {

	private final JsonMapper json;

	private final ErrorMessages messages;

	EnrollmentResponses(JsonMapper json, ErrorMessages messages) {
		this.json = json;
		this.messages = messages;
	}

	StoredResponse created(Enrollment enrollment) {
		return new StoredResponse(201, this.json.writeValueAsString(ApiResponse.ok(EnrollmentView.of(enrollment))));
	}

	StoredResponse refusal(ErrorCode code) {
		return new StoredResponse(code.httpStatus(),
				this.json.writeValueAsString(ApiErrorResponse.of(code.code(), this.messages.messageFor(code))));
	}

}
