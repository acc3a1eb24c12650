package com.mclass.notification.outbox.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.notification.outbox.EmailOutbox;
import com.mclass.notification.outbox.OutboxStats;
import com.mclass.platform.web.ApiResponse;

/**
 * Outbox counts for enrollment-service's admin dashboard ({@code GET /internal/stats}). Answered only to a service
 * token (platform-web's {@code ServiceCalls}); the gateway never routes {@code /internal/**} (it routes
 * {@code /api/**} only).
 */
@RestController
class InternalStatsController {

	private final EmailOutbox outbox;

	InternalStatsController(EmailOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/internal/stats")
	ApiResponse<OutboxStats> stats() {
		return ApiResponse.ok(this.outbox.stats());
	}

}
