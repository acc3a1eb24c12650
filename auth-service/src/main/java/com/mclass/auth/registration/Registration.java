package com.mclass.auth.registration;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.auth.AuthErrorCode;
import com.mclass.auth.mailbox.EmailVerification;
import com.mclass.auth.terms.CurrentTerms;
import com.mclass.auth.user.HashingPool;
import com.mclass.auth.user.Language;
import com.mclass.auth.user.PasswordHashing;
import com.mclass.auth.user.Provider;
import com.mclass.auth.user.Role;
import com.mclass.auth.user.User;
import com.mclass.auth.user.UserEvents;
import com.mclass.auth.user.Users;
import com.mclass.platform.web.ApiException;

/** Registering a local account: e-mail, password, name and the agreed terms, in one step. */
@Service
public class Registration {

	private final Users users;

	private final CurrentTerms terms;

	private final PasswordHashing hashing;

	private final HashingPool pool;

	private final EmailVerification verification;

	private final UserEvents events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Registration(Users users, CurrentTerms terms, PasswordHashing hashing, HashingPool pool, EmailVerification verification,
			UserEvents events, TransactionTemplate transactions, Clock clock) {
		this.users = users;
		this.terms = terms;
		this.hashing = hashing;
		this.pool = pool;
		this.verification = verification;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** {@code email} is already normalised (trimmed, lower case) and the password already passed the policy. */
	public User register(String email, String password, String name, List<UUID> termIds, Language language) {
		if (this.users.existsByProviderAndEmail(Provider.LOCAL, email)) {
			throw emailTaken();
		}
		this.terms.checkCoversRequired(termIds);
		// Hashing takes tens of milliseconds of CPU: done before the transaction so it holds no connection meanwhile.
		String passwordHash = this.pool.run(() -> this.hashing.hash(password));
		try {
			return this.transactions.execute((status) -> {
				User user = this.users.saveAndFlush(User.local(email, passwordHash, name, language, Role.USER, this.clock.instant()));
				this.terms.agree(user.getId(), termIds);
				// The welcome mail is the verification mail: it carries the link that proves the address.
				this.events.registered(user, this.verification.linkForNewAccount(user));
				this.events.signupCompleted(user);
				return user;
			});
		}
		catch (DataIntegrityViolationException ex) {
			// The existence check above passed for concurrent registrations of one e-mail; the unique index decides.
			if (String.valueOf(ex.getMostSpecificCause().getMessage()).contains(Users.LOCAL_EMAIL_CONSTRAINT)) {
				throw emailTaken();
			}
			throw ex;
		}
	}

	private static ApiException emailTaken() {
		return new ApiException(AuthErrorCode.EMAIL_TAKEN);
	}

}
