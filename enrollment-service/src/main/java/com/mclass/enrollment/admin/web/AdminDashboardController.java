package com.mclass.enrollment.admin.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.enrollment.admin.AdminDashboard;
import com.mclass.platform.web.ApiResponse;

/** The admin dashboard; answers 200 even when other services do not (their parts say {@code available: false}). */
@RestController
class AdminDashboardController {

	private final AdminDashboard dashboard;

	AdminDashboardController(AdminDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/api/admin/dashboard")
	ApiResponse<AdminDashboard.View> dashboard() {
		return ApiResponse.ok(this.dashboard.assemble());
	}

}
