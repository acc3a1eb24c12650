package com.mclass.enrollment.waitlist.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.enrollment.enrollment.EnrollmentView;
import com.mclass.enrollment.waitlist.AnsweringOffers;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.security.AuthenticatedUser;

/** A student answers a seat offered to them from the waitlist (waitlist mode OFFER). */
@RestController
class OfferController {

	private final AnsweringOffers offers;

	OfferController(AnsweringOffers offers) {
		this.offers = offers;
	}

	@PostMapping("/api/mclasses/{id}/enrollments/{enrollmentId}/accept")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the enrollment, now APPROVED",
			useReturnTypeSchema = true)
	@Operation(summary = "Accept the seat offered from the waitlist",
			description = "200 with the enrollment, now APPROVED on the seat held for it. 409 OFFER_EXPIRED from the offer's "
					+ "offerExpiresAt on (the seat goes to the next in line), NOT_OFFERED when the enrollment is not OFFERED; "
					+ "404 for an enrollment that is not the caller's in this class.")
	ApiResponse<EnrollmentView> accept(@PathVariable UUID id, @PathVariable UUID enrollmentId, AuthenticatedUser user) {
		return ApiResponse.ok(EnrollmentView.of(this.offers.accept(user.id(), id, enrollmentId)));
	}

	@PostMapping("/api/mclasses/{id}/enrollments/{enrollmentId}/decline")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the enrollment, now CANCELED",
			useReturnTypeSchema = true)
	@Operation(summary = "Decline the seat offered from the waitlist",
			description = "Optional body {reason} (up to 500 characters). 200 with the enrollment, now CANCELED; the seat is "
					+ "offered to the next in line at once. 409 OFFER_EXPIRED from the offer's offerExpiresAt on, NOT_OFFERED when "
					+ "the enrollment is not OFFERED; 404 for an enrollment that is not the caller's in this class.")
	ApiResponse<EnrollmentView> decline(@PathVariable UUID id, @PathVariable UUID enrollmentId,
			@RequestBody(required = false) @Valid DeclineRequest body, AuthenticatedUser user) {
		String reason = (body != null && body.reason() != null && !body.reason().isBlank()) ? body.reason().strip() : null;
		return ApiResponse.ok(EnrollmentView.of(this.offers.decline(user.id(), id, enrollmentId, reason)));
	}

}
