package com.mclass.enrollment.waitlist;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.enrollment.enrollment.Actor;
import com.mclass.enrollment.enrollment.Enrollment;
import com.mclass.enrollment.enrollment.EnrollmentPolicy;
import com.mclass.enrollment.enrollment.EnrollmentPolicy.Action;
import com.mclass.enrollment.enrollment.EnrollmentTransitions;
import com.mclass.enrollment.enrollment.Enrollments;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * A student answers the seat offered to them: accepting makes the enrollment APPROVED on the seat held for it;
 * declining gives the seat to the next in line in the same transaction. Both only before the offer's deadline (409
 * {@code OFFER_EXPIRED}), decided under the class's ledger row lock, so an answer and the expiry sweep never both
 * apply to one offer.
 */
@Service
public class AnsweringOffers {

	private final Enrollments enrollments;

	private final EnrollmentTransitions transitions;

	private final Clock clock;

	AnsweringOffers(Enrollments enrollments, EnrollmentTransitions transitions, Clock clock) {
		this.enrollments = enrollments;
		this.transitions = transitions;
		this.clock = clock;
	}

	/** @throws ApiException {@code NOT_FOUND} for an enrollment that is not the student's in that class */
	@Transactional
	public Enrollment accept(UUID userId, UUID classId, UUID enrollmentId) {
		return answer(Action.ACCEPT, userId, classId, enrollmentId, null);
	}

	/** @throws ApiException {@code NOT_FOUND} for an enrollment that is not the student's in that class */
	@Transactional
	public Enrollment decline(UUID userId, UUID classId, UUID enrollmentId, String reason) {
		return answer(Action.DECLINE, userId, classId, enrollmentId, reason);
	}

	private Enrollment answer(Action answer, UUID userId, UUID classId, UUID enrollmentId, String reason) {
		// Someone else's enrollment is answered like a missing one, before any lock is taken on its class.
		this.enrollments.find(enrollmentId)
			.filter((found) -> found.userId().equals(userId) && found.mclassId().equals(classId))
			.orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
		EnrollmentTransitions.Locked locked = this.transitions.lockAndLoad(enrollmentId);
		// The deadline is read under the lock: the sweep cannot expire the offer between this check and the commit.
		EnrollmentPolicy.requireAnswerableOffer(answer, locked.enrollment(), this.clock.instant());
		return this.transitions.apply(locked, answer, Actor.user(userId), reason);
	}

}
