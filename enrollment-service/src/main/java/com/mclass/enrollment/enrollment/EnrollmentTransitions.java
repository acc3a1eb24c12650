package com.mclass.enrollment.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.enrollment.EnrollmentErrorCode;
import com.mclass.enrollment.enrollment.EnrollmentPolicy.Action;
import com.mclass.enrollment.seat.ClassSeats;
import com.mclass.enrollment.seat.Placement;
import com.mclass.enrollment.seat.SeatLedger;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorCode;

/**
 * A status change of an existing enrollment with everything it entails, in the caller's transaction: the place it
 * takes or gives back in the ledger, the enrollment row, its history row, its event, and — when a seat is freed — the
 * waitlist promotion that fills it. Callers first {@link #lockAndLoad lock the class's ledger row}, which makes every
 * transition of a class happen one at a time.
 */
@Component
public class EnrollmentTransitions {

	private final Enrollments enrollments;

	private final SeatLedger ledger;

	private final EnrollmentEvents events;

	private final Clock clock;

	EnrollmentTransitions(Enrollments enrollments, SeatLedger ledger, EnrollmentEvents events, Clock clock) {
		this.enrollments = enrollments;
		this.ledger = ledger;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Locks the ledger row of the enrollment's class and reads the enrollment again under that lock, so the status a
	 * transition is decided from cannot change before it commits.
	 * @throws ApiException {@code NOT_FOUND} when there is no such enrollment
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Locked lockAndLoad(UUID enrollmentId) {
		Enrollment found = this.enrollments.find(enrollmentId).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
		ClassSeats seats = this.ledger.lock(found.mclassId()).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
		Enrollment current = this.enrollments.find(enrollmentId).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
		return new Locked(current, seats);
	}

	/**
	 * Applies {@code action} to the enrollment read by {@link #lockAndLoad}.
	 * @throws ApiException {@code TRANSITION_NOT_ALLOWED} when the status rules forbid it, {@code CLASS_FULL} or
	 * {@code WAITLIST_FULL} when the place it needs is not free
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Enrollment apply(Locked locked, Action action, Actor actor, String reason) {
		Enrollment current = locked.enrollment();
		ClassSeats seats = locked.seats();
		EnrollmentStatus to = EnrollmentPolicy.transition(action, current.status());
		Optional<ErrorCode> noPlace = EnrollmentPolicy.refusalOfPlace(action, seats);
		if (noPlace.isPresent()) {
			throw new ApiException(noPlace.get());
		}
		Placement from = current.status().placement().orElseThrow();
		// A place is taken before anything is written, so a full class refuses with nothing to undo.
		boolean placed = switch (to) {
			case APPROVED -> (from == Placement.OFFERED) ? offerAccepted(current.mclassId()) : this.ledger.approve(current.mclassId(), from);
			case WAITLISTED -> this.ledger.waitlist(current.mclassId(), from);
			default -> true;
		};
		if (!placed) {
			throw new ApiException((to == EnrollmentStatus.APPROVED) ? EnrollmentErrorCode.CLASS_FULL : EnrollmentErrorCode.WAITLIST_FULL);
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Enrollment changed = this.enrollments.changeStatus(current, to, now, actor, reason, isDecision(action))
			.orElseThrow(() -> new ApiException(EnrollmentErrorCode.TRANSITION_NOT_ALLOWED));
		this.events.record(changed, current.status(), seats, now, EnrollmentEvents.typeOf(action, to));
		// A place is given back last: the promotion it may trigger then follows this transition in history and outbox.
		if (!to.isActive()) {
			this.ledger.vacate(current.mclassId(), from);
		}
		return changed;
	}

	private boolean offerAccepted(UUID classId) {
		this.ledger.offerAccepted(classId); // the seat was held for this enrollment: nothing to check
		return true;
	}

	/** A decision on the application sets decidedAt (an admin's, and a student's acceptance of the seat offered). */
	private static boolean isDecision(Action action) {
		return switch (action) {
			case APPROVE, REJECT, WAITLIST, ACCEPT -> true;
			case CANCEL, DECLINE, EXPIRE, PROMOTE, OFFER -> false;
		};
	}

	/** An enrollment and its class's ledger row, read while holding that row's lock. */
	public record Locked(Enrollment enrollment, ClassSeats seats) {
	}

}
