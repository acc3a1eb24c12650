package com.mclass.enrollment.enrollment;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.enrollment.enrollment.EnrollmentPolicy.Action;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/** A student withdraws an active enrollment before the class starts; a seat it frees goes to the waitlist at once. */
@Service
public class CancelingEnrollment {

	private final Enrollments enrollments;

	private final EnrollmentTransitions transitions;

	private final Clock clock;

	CancelingEnrollment(Enrollments enrollments, EnrollmentTransitions transitions, Clock clock) {
		this.enrollments = enrollments;
		this.transitions = transitions;
		this.clock = clock;
	}

	/** @throws ApiException {@code NOT_FOUND} for an enrollment that is not the student's in that class */
	@Transactional
	public Enrollment cancel(UUID userId, UUID classId, UUID enrollmentId, String reason) {
		// Someone else's enrollment is answered like a missing one, before any lock is taken on its class.
		this.enrollments.find(enrollmentId)
			.filter((found) -> found.userId().equals(userId) && found.mclassId().equals(classId))
			.orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
		EnrollmentTransitions.Locked locked = this.transitions.lockAndLoad(enrollmentId);
		EnrollmentPolicy.requireCancelable(locked.enrollment(), locked.seats(), this.clock.instant());
		return this.transitions.apply(locked, Action.CANCEL, Actor.user(userId), reason);
	}

}
