package com.mclass.auth.admin;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.auth.terms.CurrentTerms;
import com.mclass.auth.terms.Term;
import com.mclass.auth.user.Language;
import com.mclass.auth.user.PasswordHashing;
import com.mclass.auth.user.Provider;
import com.mclass.auth.user.Role;
import com.mclass.auth.user.User;
import com.mclass.auth.user.Users;

/**
 * Creates the first administrator if its e-mail has no account yet, with every current required term agreed. An
 * existing account is left alone (its password and role included): the bootstrap never overwrites what an operator
 * changed. Several replicas starting at once are settled by the unique e-mail index.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	static final String DEV_PASSWORD = "mclass-admin-dev-only";

	private final AdminProperties properties;

	private final Users users;

	private final CurrentTerms terms;

	private final PasswordHashing hashing;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AdminBootstrap(AdminProperties properties, Users users, CurrentTerms terms, PasswordHashing hashing,
			TransactionTemplate transactions, Clock clock) {
		this.properties = properties;
		this.users = users;
		this.terms = terms;
		this.hashing = hashing;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.email() == null || this.properties.email().isBlank()) {
			return;
		}
		String email = this.properties.email().strip().toLowerCase(Locale.ROOT);
		if (this.users.existsByProviderAndEmail(Provider.LOCAL, email)) {
			return;
		}
		if (this.properties.password() == null || this.properties.password().isBlank()) {
			log.warn("mclass.admin.email is set but mclass.admin.password is empty: no administrator created");
			return;
		}
		if (DEV_PASSWORD.equals(this.properties.password())) {
			log.warn("Creating administrator {} with the development password; set MCLASS_ADMIN_PASSWORD in production", email);
		}
		String passwordHash = this.hashing.hash(this.properties.password());
		List<UUID> required = this.terms.list().stream().filter(Term::isRequired).map(Term::getId).toList();
		try {
			this.transactions.executeWithoutResult((status) -> {
				User admin = this.users.saveAndFlush(User.local(email, passwordHash, "관리자", Language.KO, Role.ADMIN, this.clock.instant()));
				this.terms.agree(admin.getId(), required);
			});
			log.info("Created administrator {}", email);
		}
		catch (DataIntegrityViolationException ex) {
			log.info("Administrator {} was created by another instance", email);
		}
	}

}
