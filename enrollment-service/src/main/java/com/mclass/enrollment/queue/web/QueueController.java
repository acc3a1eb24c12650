package com.mclass.enrollment.queue.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.enrollment.EnrollmentErrorCode;
import com.mclass.enrollment.queue.QueueErrorCode;
import com.mclass.enrollment.queue.QueuePlace;
import com.mclass.enrollment.queue.QueueUnavailable;
import com.mclass.enrollment.queue.Ticket;
import com.mclass.enrollment.queue.WaitingRoom;
import com.mclass.enrollment.seat.KnownClasses;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorDetail;
import com.mclass.platform.web.security.AuthenticatedUser;

/** A class's waiting room: take a place, watch it, and (admins) read the admission log. */
@RestController
class QueueController {

	private static final Logger log = LoggerFactory.getLogger(QueueController.class);

	private final WaitingRoom room;

	private final KnownClasses classes;

	QueueController(WaitingRoom room, KnownClasses classes) {
		this.room = room;
		this.classes = classes;
	}

	@PostMapping("/api/mclasses/{id}/queue")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "a place in the active room",
			useReturnTypeSchema = true)
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
			description = "the room is not active: admitted at once", useReturnTypeSchema = true)
	@Operation(summary = "Take a place in the class's waiting room",
			description = "201 {ticket, position, aheadOfYou, estimatedWaitSeconds, admitted, admissionExpiresAt}; asking again "
					+ "returns the same ticket and place. 200 with admitted: true and no ticket when the room is not active. "
					+ "404 unknown class, 403 SIGNUP_INCOMPLETE, 503 with Retry-After while the queue's store is down.")
	ResponseEntity<ApiResponse<QueuePlace>> join(@PathVariable UUID id, AuthenticatedUser user) {
		if (!user.signupCompleted()) {
			throw new ApiException(EnrollmentErrorCode.SIGNUP_INCOMPLETE);
		}
		this.classes.require(id);
		if (!warnIfUnavailable(() -> this.room.isActive(id))) {
			return ResponseEntity.ok(ApiResponse.ok(placeNotNeeded()));
		}
		return ResponseEntity.status(201).body(ApiResponse.ok(warnIfUnavailable(() -> this.room.issue(id, user.id())).place()));
	}

	@GetMapping("/api/mclasses/{id}/queue/{ticket}")
	@Operation(summary = "A ticket's current place (its owner only)",
			description = "200 the same fields as taking a place; 404 NOT_FOUND for an unknown ticket, someone else's or one of "
					+ "another class; 409 QUEUE_TICKET_EXPIRED (admission unused and lapsed: take a place again); 409 QUEUE_CLOSED "
					+ "when the room was switched off (enroll directly).")
	ApiResponse<QueuePlace> place(@PathVariable UUID id, @PathVariable String ticket, AuthenticatedUser user) {
		if (!Ticket.isWellFormed(ticket)) {
			throw new ApiException(CommonErrorCode.NOT_FOUND);
		}
		QueuePlace place;
		try {
			place = warnIfUnavailable(() -> this.room.read(id, ticket, user.id()));
		}
		catch (WaitingRoom.TicketNotFound ex) {
			throw new ApiException(CommonErrorCode.NOT_FOUND);
		}
		catch (WaitingRoom.TicketExpired ex) {
			throw new ApiException(QueueErrorCode.QUEUE_TICKET_EXPIRED, null,
					List.of(new ErrorDetail("queue", "/api/mclasses/" + id + "/queue")));
		}
		if (!warnIfUnavailable(() -> this.room.isActive(id))) {
			throw new ApiException(QueueErrorCode.QUEUE_CLOSED);
		}
		return ApiResponse.ok(place);
	}

	@GetMapping("/api/admin/mclasses/{id}/queue/admissions")
	@Operation(summary = "The class's admission log, oldest first (ADMIN)",
			description = "Each admission's log id, issue sequence number, ticket and time; page with after=<last id>.")
	ApiResponse<List<WaitingRoom.Admission>> admissions(@PathVariable UUID id, @RequestParam(required = false) String after,
			@RequestParam(defaultValue = "1000") int limit) {
		if (limit < 1 || limit > 10_000) {
			throw new ApiException(CommonErrorCode.VALIDATION_FAILED, null, List.of(new ErrorDetail("limit", "1-10000")));
		}
		if (after != null && !after.matches("\\d{1,20}-\\d{1,20}")) {
			throw new ApiException(CommonErrorCode.VALIDATION_FAILED, null, List.of(new ErrorDetail("after", "a log id")));
		}
		return ApiResponse.ok(warnIfUnavailable(() -> this.room.admissions(id, after, limit)));
	}

	/** Redis down: the client gets 503 with Retry-After (the platform's handler), an operator a warning. */
	private static <T> T warnIfUnavailable(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (QueueUnavailable ex) {
			log.warn("Answered 503: {}", ex.failure());
			throw ex;
		}
	}

	private static QueuePlace placeNotNeeded() {
		return new QueuePlace(null, 0, 0, 0, true, null);
	}

}
