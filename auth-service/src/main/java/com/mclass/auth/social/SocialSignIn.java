package com.mclass.auth.social;

import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.auth.user.Language;
import com.mclass.auth.user.User;
import com.mclass.auth.user.UserEvents;
import com.mclass.auth.user.Users;

/**
 * Finds the account of a social identity or creates it on first login. Never links to an existing account by
 * e-mail, even a verified one: an e-mail shared across providers does not prove the same person controls both
 * accounts here, and auto-linking would let whoever controls the provider account take over the local one.
 */
@Service
class SocialSignIn {

	private final Users users;

	private final UserEvents events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SocialSignIn(Users users, UserEvents events, TransactionTemplate transactions, Clock clock) {
		this.users = users;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	User signIn(SocialProfile profile, Language language) {
		Optional<User> existing = this.users.findByProviderAndSocialId(profile.provider(), profile.socialId());
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			return this.transactions.execute((status) -> {
				String name = (profile.name() != null && profile.name().length() > 100) ? profile.name().substring(0, 100) : profile.name();
				User user = this.users.saveAndFlush(
						User.social(profile.provider(), profile.socialId(), profile.email(), name, language, this.clock.instant()));
				this.events.registered(user);
				return user;
			});
		}
		catch (DataIntegrityViolationException ex) {
			// A concurrent first login of the same account won the unique index; use its row.
			return this.users.findByProviderAndSocialId(profile.provider(), profile.socialId()).orElseThrow(() -> ex);
		}
	}

}
