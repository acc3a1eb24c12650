package com.mclass.enrollment.admin;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.enrollment.enrollment.Actor;
import com.mclass.enrollment.enrollment.Enrollment;
import com.mclass.enrollment.enrollment.EnrollmentPolicy.Action;
import com.mclass.enrollment.enrollment.EnrollmentTransitions;

/**
 * An admin approves, rejects or waitlists an enrollment. The status rules decide what is allowed
 * ({@code EnrollmentPolicy}); approving needs a free seat (409 {@code CLASS_FULL}); rejecting an approved enrollment
 * frees its seat for the waitlist in the same transaction. decidedBy and decidedAt are recorded.
 */
@Service
public class AdminDecisions {

	private final EnrollmentTransitions transitions;

	AdminDecisions(EnrollmentTransitions transitions) {
		this.transitions = transitions;
	}

	@Transactional
	public Enrollment decide(UUID enrollmentId, Decision decision, String reason, UUID adminId) {
		return this.transitions.apply(this.transitions.lockAndLoad(enrollmentId), decision.action(), Actor.admin(adminId), reason);
	}

	/** What an admin can decide. */
	public enum Decision {

		APPROVE(Action.APPROVE), REJECT(Action.REJECT), WAITLIST(Action.WAITLIST);

		private final Action action;

		Decision(Action action) {
			this.action = action;
		}

		Action action() {
			return this.action;
		}

	}

}
