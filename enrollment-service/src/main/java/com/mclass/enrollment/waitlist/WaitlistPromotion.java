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
import com.mclass.enrollment.enrollment.EnrollmentPolicy;
import com.mclass.enrollment.enrollment.EnrollmentPolicy.Action;
import com.mclass.enrollment.enrollment.Enrollments;
import com.mclass.enrollment.seat.ClassSeats;
import com.mclass.enrollment.seat.SeatLedger;
import com.mclass.enrollment.seat.SeatsFreed;

/**
 * The waitlist rule: a freed seat goes to the enrollment that has waited longest (applied first; the id breaks ties),
 * in the transaction that freed it — taken for them, or offered to them in a class whose waitlist mode is OFFER. That transaction holds the class's ledger row, so promotions of one class happen
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
	 * Gives as many of the longest-waiting enrollments a seat as there are free seats: moves them onto the seats
	 * (waitlist mode AUTO), or offers the seats to them until the class's offer window has passed (OFFER), holding
	 * each seat for its student meanwhile.
	 * @return the promoted or offered enrollments, longest-waiting first
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Enrollment> fillFreeSeats(UUID classId) {
		ClassSeats seats = this.ledger.lock(classId).orElseThrow();
		int seated = Math.min(seats.seatsLeft(), seats.waitlisted());
		if (seated == 0) {
			return List.of();
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (EnrollmentPolicy.forFreedSeat(seats.waitlistMode()) == Action.OFFER) {
			Instant expiresAt = EnrollmentPolicy.offerExpiresAt(now, seats.offerWindow());
			List<Enrollment> offered = this.enrollments.offerToOldestWaiting(classId, seated, now, expiresAt);
			this.ledger.offered(classId, offered.size());
			for (Enrollment enrollment : offered) {
				this.events.recordOffer(enrollment, seats, now);
			}
			log.debug("Offered {} seat(s) of class {} to waiting enrollments until {}", offered.size(), classId, expiresAt);
			return offered;
		}
		List<Enrollment> promoted = this.enrollments.promoteOldestWaiting(classId, seated, now);
		this.ledger.promoted(classId, promoted.size());
		for (Enrollment enrollment : promoted) {
			this.events.recordPromotion(enrollment, seats, now);
		}
		log.debug("Promoted {} waiting enrollment(s) of class {}", promoted.size(), classId);
		return promoted;
	}

}
