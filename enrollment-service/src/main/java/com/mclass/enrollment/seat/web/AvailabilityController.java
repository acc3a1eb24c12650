package com.mclass.enrollment.seat.web;

import java.time.Clock;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.enrollment.seat.ClassSeats;
import com.mclass.enrollment.seat.KnownClasses;
import com.mclass.enrollment.seat.RecruitState;
import com.mclass.platform.web.ApiResponse;

/** Seats left of a class, open to anyone (the gateway and this service list it as a public path). */
@RestController
class AvailabilityController {

	private final KnownClasses classes;

	private final Clock clock;

	AvailabilityController(KnownClasses classes, Clock clock) {
		this.classes = classes;
		this.clock = clock;
	}

	@GetMapping("/api/mclasses/{id}/availability")
	ApiResponse<Availability> availability(@PathVariable UUID id) {
		ClassSeats seats = this.classes.require(id);
		return ApiResponse.ok(new Availability(seats.capacity(), seats.waitlistCapacity(), seats.approved(), seats.waitlisted(),
				seats.seatsLeft(), seats.waitlistLeft(), seats.recruitState(this.clock.instant()), seats.offered()));
	}

	record Availability(int capacity, int waitlistCapacity, int approved, int waitlisted, int seatsLeft, int waitlistLeft,
			RecruitState recruitState, int offered) {
	}

}
