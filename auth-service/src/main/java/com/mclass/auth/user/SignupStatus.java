package com.mclass.auth.user;

import org.springframework.stereotype.Component;

import com.mclass.auth.terms.CurrentTerms;

/**
 * Whether a user may use the service fully (enroll): the sign-up form was completed once and every current
 * required term is agreed. Computed on each token issue, so publishing a new required version takes effect at the
 * user's next refresh without touching stored rows.
 */
@Component
public class SignupStatus {

	private final CurrentTerms terms;

	SignupStatus(CurrentTerms terms) {
		this.terms = terms;
	}

	public boolean isComplete(User user) {
		return user.isProfileCompleted() && this.terms.allRequiredAgreed(user.getId());
	}

	public UserView view(User user) {
		return UserView.of(user, isComplete(user));
	}

}
