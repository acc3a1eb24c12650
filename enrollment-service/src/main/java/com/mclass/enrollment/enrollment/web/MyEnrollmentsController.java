package com.mclass.enrollment.enrollment.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.enrollment.enrollment.EnrollmentPage;
import com.mclass.enrollment.enrollment.EnrollmentStatus;
import com.mclass.enrollment.enrollment.EnrollmentView;
import com.mclass.enrollment.enrollment.Enrollments;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.security.AuthenticatedUser;

/** Every enrollment of the caller, across classes, newest first. */
@RestController
class MyEnrollmentsController {

	private final Enrollments enrollments;

	MyEnrollmentsController(Enrollments enrollments) {
		this.enrollments = enrollments;
	}

	@GetMapping("/api/enrollments/my")
	ApiResponse<List<EnrollmentView>> mine(@RequestParam(required = false) EnrollmentStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, AuthenticatedUser user) {
		EnrollmentPage found = this.enrollments.mine(user.id(), status, page, size);
		return ApiResponse.ok(found.content().stream().map(EnrollmentView::of).toList(), PageMeta.of(found));
	}

}
