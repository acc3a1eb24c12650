package com.mclass.enrollment.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mclass.enrollment.EnrollmentErrorCode;
import com.mclass.enrollment.seat.ClassSeats;
import com.mclass.enrollment.seat.RecruitState;
import com.mclass.enrollment.seat.SelectionType;
import com.mclass.enrollment.seat.WaitlistMode;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorCode;

/**
 * The status rules (docs/architecture.md, "Status rules") in one place: which status a new application gets, which
 * transitions are allowed from which status, what refuses an application before any seat is looked at, and what a
 * freed seat becomes for the waitlist (taken at once, or offered until a deadline).
 * <p>
 * One exception, on purpose: the placement of a new application is decided on the hot path by the single statement
 * {@code SeatLedger.ALLOCATE}, which reads and takes the place atomically on the ledger row (see
 * docs/decisions/0001-one-conditional-update-instead-of-locks.md). That SQL is the rule production runs;
 * {@link #placementFor} restates it in Java, where a reader looks for the rule (production does not call it), and
 * {@code SeatLedgerIntegrationTests.theAllocationStatementPlacesExactlyAsEnrollmentPolicySaysInEveryLedgerState}
 * keeps the two equal in every ledger state on real PostgreSQL.
 */
public final class EnrollmentPolicy {

	/** Every transition an enrollment can make after it exists, with the statuses it may start from. */
	private static final Map<Action, Rule> RULES = new EnumMap<>(Map.of(
			Action.APPROVE, new Rule(EnumSet.of(EnrollmentStatus.APPLIED, EnrollmentStatus.WAITLISTED), EnrollmentStatus.APPROVED,
					EnrollmentErrorCode.TRANSITION_NOT_ALLOWED),
			Action.REJECT, new Rule(EnumSet.of(EnrollmentStatus.APPLIED, EnrollmentStatus.WAITLISTED, EnrollmentStatus.APPROVED,
					EnrollmentStatus.OFFERED), EnrollmentStatus.REJECTED, EnrollmentErrorCode.TRANSITION_NOT_ALLOWED),
			Action.WAITLIST, new Rule(EnumSet.of(EnrollmentStatus.APPLIED), EnrollmentStatus.WAITLISTED,
					EnrollmentErrorCode.TRANSITION_NOT_ALLOWED),
			Action.CANCEL, new Rule(EnumSet.of(EnrollmentStatus.APPLIED, EnrollmentStatus.APPROVED, EnrollmentStatus.WAITLISTED,
					EnrollmentStatus.OFFERED), EnrollmentStatus.CANCELED, EnrollmentErrorCode.TRANSITION_NOT_ALLOWED),
			Action.PROMOTE, new Rule(EnumSet.of(EnrollmentStatus.WAITLISTED), EnrollmentStatus.APPROVED,
					EnrollmentErrorCode.TRANSITION_NOT_ALLOWED),
			Action.OFFER, new Rule(EnumSet.of(EnrollmentStatus.WAITLISTED), EnrollmentStatus.OFFERED,
					EnrollmentErrorCode.TRANSITION_NOT_ALLOWED),
			Action.ACCEPT, new Rule(EnumSet.of(EnrollmentStatus.OFFERED), EnrollmentStatus.APPROVED, EnrollmentErrorCode.NOT_OFFERED),
			Action.DECLINE, new Rule(EnumSet.of(EnrollmentStatus.OFFERED), EnrollmentStatus.CANCELED, EnrollmentErrorCode.NOT_OFFERED),
			Action.EXPIRE, new Rule(EnumSet.of(EnrollmentStatus.OFFERED), EnrollmentStatus.CANCELED, EnrollmentErrorCode.NOT_OFFERED)));

	/** Answers can be edited while the enrollment still waits for a decision or a seat. */
	private static final Set<EnrollmentStatus> EDITABLE = EnumSet.of(EnrollmentStatus.APPLIED, EnrollmentStatus.WAITLISTED);

	/**
	 * Outcomes of an enrollment request that an Idempotency-Key replays: the business answers about this student and
	 * this class. Not kept: 400 (nothing was attempted; the client may correct the request under the same key), 404
	 * (the class may still arrive), and every 5xx.
	 */
	private static final Set<ErrorCode> REPLAYED_REFUSALS = Set.of(EnrollmentErrorCode.SIGNUP_INCOMPLETE,
			EnrollmentErrorCode.RECRUITMENT_NOT_OPEN, EnrollmentErrorCode.RECRUITMENT_CLOSED, EnrollmentErrorCode.ALREADY_ENROLLED,
			EnrollmentErrorCode.REAPPLY_AFTER_REJECTION, EnrollmentErrorCode.CLASS_FULL);

	private EnrollmentPolicy() {
	}

	/**
	 * The status a valid application gets: FIRST_COME is APPROVED while a seat is free, else WAITLISTED while the
	 * class allows a waitlist with room left, else refused (empty: {@code CLASS_FULL}); REVIEW is always APPLIED.
	 * @param seatsHeld the seats approved or offered (an offered seat is held for its student)
	 */
	public static Optional<EnrollmentStatus> placementFor(SelectionType selectionType, int seatsHeld, int capacity,
			boolean allowWaitlist, int waitlisted, int waitlistCapacity) {
		if (selectionType == SelectionType.REVIEW) {
			return Optional.of(EnrollmentStatus.APPLIED);
		}
		if (seatsHeld < capacity) {
			return Optional.of(EnrollmentStatus.APPROVED);
		}
		if (allowWaitlist && waitlisted < waitlistCapacity) {
			return Optional.of(EnrollmentStatus.WAITLISTED);
		}
		return Optional.empty();
	}

	/**
	 * What refuses an application before its answers are read, in the order a client learns about it: an incomplete
	 * sign-up, a class that does not exist (or was deleted), a recruit window that is not open.
	 */
	public static Optional<ErrorCode> refusalToApply(boolean signupCompleted, ClassSeats seats, Instant now) {
		if (!signupCompleted) {
			return Optional.of(EnrollmentErrorCode.SIGNUP_INCOMPLETE);
		}
		if (seats == null || seats.deleted()) {
			return Optional.of(CommonErrorCode.NOT_FOUND);
		}
		RecruitState recruitState = seats.recruitState(now);
		if (recruitState == RecruitState.UPCOMING) {
			return Optional.of(EnrollmentErrorCode.RECRUITMENT_NOT_OPEN);
		}
		if (recruitState == RecruitState.CLOSED) {
			return Optional.of(EnrollmentErrorCode.RECRUITMENT_CLOSED);
		}
		return Optional.empty();
	}

	/**
	 * What an earlier enrollment of the same student in the same class means for a new application: an active one
	 * refuses it, a rejected one too; after a cancellation the student may apply again.
	 */
	public static Optional<ErrorCode> refusalToReapply(EnrollmentStatus earlier) {
		if (earlier == null || earlier == EnrollmentStatus.CANCELED) {
			return Optional.empty();
		}
		return Optional.of((earlier == EnrollmentStatus.REJECTED) ? EnrollmentErrorCode.REAPPLY_AFTER_REJECTION
				: EnrollmentErrorCode.ALREADY_ENROLLED);
	}

	/** Whether an Idempotency-Key keeps (and replays) this refusal of an enrollment request. */
	public static boolean isReplayed(ErrorCode refusal) {
		return REPLAYED_REFUSALS.contains(refusal);
	}

	/**
	 * The status {@code action} leads to from {@code from}.
	 * @throws ApiException {@code TRANSITION_NOT_ALLOWED} when the rules have no such transition
	 */
	public static EnrollmentStatus transition(Action action, EnrollmentStatus from) {
		Rule rule = RULES.get(action);
		if (!rule.from().contains(from)) {
			throw new ApiException(rule.refusal());
		}
		return rule.to();
	}

	/** Whether the rules allow {@code action} from {@code from}. */
	public static boolean allows(Action action, EnrollmentStatus from) {
		return RULES.get(action).from().contains(from);
	}

	/**
	 * Checks that the place {@code action} moves the enrollment into is available, under the ledger row lock: a seat
	 * for an approval ({@code CLASS_FULL}), for a waitlisting a waitlist place ({@code WAITLIST_FULL}) while every seat
	 * is taken (a free seat means approve instead: {@code TRANSITION_NOT_ALLOWED}).
	 */
	public static Optional<ErrorCode> refusalOfPlace(Action action, ClassSeats seats) {
		if (action == Action.APPROVE && seats.seatsLeft() == 0) {
			return Optional.of(EnrollmentErrorCode.CLASS_FULL);
		}
		if (action == Action.WAITLIST) {
			if (seats.seatsLeft() > 0) {
				return Optional.of(EnrollmentErrorCode.TRANSITION_NOT_ALLOWED);
			}
			if (seats.waitlistLeft() == 0) {
				return Optional.of(EnrollmentErrorCode.WAITLIST_FULL);
			}
		}
		return Optional.empty();
	}

	/** A student cancels while the enrollment is active and the class has not started. */
	public static void requireCancelable(Enrollment enrollment, ClassSeats seats, Instant now) {
		transition(Action.CANCEL, enrollment.status());
		if (seats.hasStarted(now)) {
			throw new ApiException(EnrollmentErrorCode.CANCEL_AFTER_START);
		}
	}

	/**
	 * What a seat freed while students wait becomes: taken for the longest-waiting one at once (AUTO), or offered to
	 * them (OFFER).
	 */
	public static Action forFreedSeat(WaitlistMode mode) {
		return (mode == WaitlistMode.OFFER) ? Action.OFFER : Action.PROMOTE;
	}

	/** The deadline of an offer made at {@code now}: the class's offer window later. */
	public static Instant offerExpiresAt(Instant now, Duration offerWindow) {
		return now.plus(offerWindow);
	}

	/** An offer is due — expired — from its deadline on: accepting at {@code offerExpiresAt} itself is too late. */
	public static boolean isOfferDue(Enrollment enrollment, Instant now) {
		return enrollment.status() == EnrollmentStatus.OFFERED && !now.isBefore(enrollment.offerExpiresAt());
	}

	/**
	 * A student answers (accepts or declines) an offer while it is OFFERED ({@code NOT_OFFERED} otherwise) and before
	 * its deadline ({@code OFFER_EXPIRED}; the expiry sweep then passes the seat on).
	 */
	public static void requireAnswerableOffer(Action answer, Enrollment enrollment, Instant now) {
		transition(answer, enrollment.status());
		if (isOfferDue(enrollment, now)) {
			throw new ApiException(EnrollmentErrorCode.OFFER_EXPIRED);
		}
	}

	/** A student edits answers while the enrollment is APPLIED or WAITLISTED. */
	public static void requireEditable(EnrollmentStatus status) {
		if (!EDITABLE.contains(status)) {
			throw new ApiException(EnrollmentErrorCode.ENROLLMENT_NOT_EDITABLE);
		}
	}

	public static boolean isEditable(EnrollmentStatus status) {
		return EDITABLE.contains(status);
	}

	/** The transitions after an enrollment exists. */
	public enum Action {

		/** An admin approves: onto a seat. */
		APPROVE,
		/** An admin rejects; final. */
		REJECT,
		/** An admin puts a reviewed application on the waitlist. */
		WAITLIST,
		/** The student withdraws; final. */
		CANCEL,
		/** The system moves the oldest waiting enrollment onto a freed seat (waitlist mode AUTO). */
		PROMOTE,
		/** The system offers a freed seat to the oldest waiting enrollment (waitlist mode OFFER). */
		OFFER,
		/** The student takes the seat offered to them, before the offer's deadline. */
		ACCEPT,
		/** The student turns the offered seat down; final, the seat goes to the next in line. */
		DECLINE,
		/** The offer's deadline passed unanswered (the sweep); final, the seat goes to the next in line. */
		EXPIRE

	}

	private record Rule(Set<EnrollmentStatus> from, EnrollmentStatus to, ErrorCode refusal) {
	}

}
