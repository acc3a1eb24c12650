package com.mclass.enrollment.enrollment.web;

import io.swagger.v3.oas.annotations.media.Schema;

import com.mclass.enrollment.enrollment.EnrollmentView;

/**
 * The documented shape of enrolling's 201: the success envelope around the enrollment. The controller writes the
 * stored bytes of the idempotent response, so the document cannot infer this from the method's return type.
 */
@Schema(description = "The success envelope around the new enrollment")
record EnrolledResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "true") boolean success,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) EnrollmentView data) {
}
