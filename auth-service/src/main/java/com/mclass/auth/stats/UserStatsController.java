package com.mclass.auth.stats;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.auth.user.Users;
import com.mclass.platform.web.ApiResponse;

/**
 * The user count for enrollment-service's admin dashboard. Internal: never routed by the gateway (it routes
 * {@code /api/**} only), and answered only to a service token (platform-web's {@code ServiceCalls}).
 */
@Hidden
@RestController
class UserStatsController {

	private final Users users;

	UserStatsController(Users users) {
		this.users = users;
	}

	@GetMapping("/internal/stats")
	ApiResponse<UserStats> stats() {
		return ApiResponse.ok(new UserStats(this.users.count()));
	}

	record UserStats(long totalUsers) {
	}

}
