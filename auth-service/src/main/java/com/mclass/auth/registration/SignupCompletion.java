package com.mclass.auth.registration;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.auth.terms.CurrentTerms;
import com.mclass.auth.user.User;
import com.mclass.auth.user.UserEvents;
import com.mclass.auth.user.Users;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * Finishing sign-up (social users after their first login, or anyone asked to agree to new required terms): name
 * and required terms. Repeating it is harmless; {@code SignupCompleted} is emitted once per user, the first time
 * the sign-up form is completed, not each time new terms are agreed to.
 */
@Service
public class SignupCompletion {

	private final Users users;

	private final CurrentTerms terms;

	private final UserEvents events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SignupCompletion(Users users, CurrentTerms terms, UserEvents events, TransactionTemplate transactions, Clock clock) {
		this.users = users;
		this.terms = terms;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public User complete(UUID userId, String name, List<UUID> termIds) {
		this.terms.checkCoversRequired(termIds);
		return this.transactions.execute((tx) -> {
			User user = this.users.findById(userId).orElseThrow(() -> new ApiException(CommonErrorCode.UNAUTHENTICATED));
			boolean firstCompletion = !user.isProfileCompleted();
			user.completeProfile(name, this.clock.instant());
			this.users.saveAndFlush(user);
			this.terms.agree(userId, termIds);
			if (firstCompletion) {
				this.events.signupCompleted(user);
			}
			return user;
		});
	}

}
