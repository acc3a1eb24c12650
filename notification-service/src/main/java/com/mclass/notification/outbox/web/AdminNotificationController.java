package com.mclass.notification.outbox.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.notification.mail.EmailType;
import com.mclass.notification.outbox.EmailOutbox;
import com.mclass.notification.outbox.EmailPage;
import com.mclass.notification.outbox.EmailSearch;
import com.mclass.notification.outbox.EmailStatus;
import com.mclass.notification.outbox.EmailView;
import com.mclass.platform.web.ApiResponse;

/**
 * The outbox for admins: what was sent, what waits, what failed, and a retry button. ADMIN only, by the platform
 * rule on {@code /api/admin/**} (checked again at the gateway).
 */
@RestController
@RequestMapping("/api/admin/notifications")
@Validated
class AdminNotificationController {

	private final EmailOutbox outbox;

	AdminNotificationController(EmailOutbox outbox) {
		this.outbox = outbox;
	}

	/** Newest first; pages count from 0, as everywhere in MClass; totals in {@code meta}. */
	@GetMapping
	ApiResponse<List<EmailView>> list(@RequestParam(required = false) EmailStatus status,
			@RequestParam(required = false) EmailType type, @RequestParam(required = false) @Size(max = 320) String recipient,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		EmailPage found = this.outbox.search(new EmailSearch(status, type, recipient, page, size));
		return ApiResponse.ok(found.emails(), new PageMeta(found.page(), found.size(), found.totalElements(), found.totalPages()));
	}

	/**
	 * Sends a FAILED (or still PENDING) email again now. Its attempts are kept, so the retry is a single extra attempt;
	 * a SENT email is refused with 409 {@code EMAIL_ALREADY_SENT}.
	 */
	@PostMapping("/{id}/retry")
	ApiResponse<EmailView> retry(@PathVariable UUID id) {
		return ApiResponse.ok(this.outbox.retry(id));
	}

	record PageMeta(int page, int size, long totalElements, int totalPages) {
	}

}
