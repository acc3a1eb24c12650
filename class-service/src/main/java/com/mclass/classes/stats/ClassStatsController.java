package com.mclass.classes.stats;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.classes.mclass.MClasses;
import com.mclass.platform.web.ApiResponse;

/**
 * The class count for enrollment-service's admin dashboard. Internal like the seat-config read: never routed by the
 * gateway, and answered only to another service's service token (platform-web's {@code ServiceCalls}).
 */
@Hidden
@RestController
class ClassStatsController {

	private final MClasses classes;

	ClassStatsController(MClasses classes) {
		this.classes = classes;
	}

	@GetMapping("/internal/stats")
	ApiResponse<ClassStats> stats() {
		return ApiResponse.ok(new ClassStats(this.classes.countActive()));
	}

	record ClassStats(long totalClasses) {
	}

}
