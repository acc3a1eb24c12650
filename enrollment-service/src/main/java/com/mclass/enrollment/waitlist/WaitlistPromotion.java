package com.mclass.enrollment.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.enrollment.enrollment.Enrollment;
import com.mclass.enrollment.enrollment.EnrollmentEvents;
import com.mclass.enrollment.enrollment.Enrollments;
import com.mclass.enrollment.seat.ClassSeats;
import com.mclass.enrollment.seat.SeatLedger;
import com.mclass.enrollment.seat.SeatsFreed;

/**
 * The waitlist rule: a freed seat goes to the enrollment that has waited longest (applied first; the id breaks ties),
 * in the transaction that freed it. That transaction holds the class's ledger row, so promotions of one class happen
 * one at a time and always see the waitlist as it is — no SKIP LOCKED, no second-guessing the order.
 */
@Component
public class WaitlistPromotion {

	private static final Logger log = LoggerFactory.getLogger(WaitlistPromotion.class);

	private final SeatLedger ledger;

	private final Enrollments enrollments;

	private final EnrollmentEvents events;

	private final Clock clock;

	WaitlistPromotion(SeatLedger ledger, Enrollments enrollments, EnrollmentEvents events, Clock clock) {
		this.ledger = ledger;
		this.enrollments = enrollments;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void onSeatsFreed(SeatsFreed freed) {
		fillFreeSeats(freed.classId());
	}

	/**
	 * Moves as many of the longest-waiting enrollments onto seats as there are free seats.
	 * @return the promoted enrollments, longest-waiting first
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Enrollment> fillFreeSeats(UUID classId) {
		ClassSeats seats = this.ledger.lock(classId).orElseThrow();
		int promotions = Math.min(seats.seatsLeft(), seats.waitlisted());
		if (promotions == 0) {
			return List.of();
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<Enrollment> promoted = this.enrollments.promoteOldestWaiting(classId, promotions, now);
		this.ledger.promoted(classId, promoted.size());
		for (Enrollment enrollment : promoted) {
			this.events.recordPromotion(enrollment, seats, now);
		}
		log.debug("Promoted {} waiting enrollment(s) of class {}", promoted.size(), classId);
		return promoted;
	}

}
