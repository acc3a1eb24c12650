package com.mclass.auth.admin;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.auth.LocalProfile;
import com.mclass.auth.terms.CurrentTerms;
import com.mclass.auth.terms.Term;
import com.mclass.auth.user.Language;
import com.mclass.auth.user.PasswordHashing;
import com.mclass.auth.user.PasswordPolicy;
import com.mclass.auth.user.Provider;
import com.mclass.auth.user.Role;
import com.mclass.auth.user.User;
import com.mclass.auth.user.Users;

/**
 * Creates the first administrator if its e-mail has no account yet, with every current required term agreed and the
 * address counted as verified (an operator chose it). The password must pass the password policy; outside the
 * {@code local} profile the documented development password (or one failing the policy) stops the service from
 * starting. An existing account is left alone (its password and role included): the bootstrap never overwrites what
 * an operator changed, but says so, loudly when that account is not an enabled administrator (someone may have
 * registered the address first). Several replicas starting at once are settled by the unique e-mail index.
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

	private final PasswordPolicy policy;

	private final boolean local;

	private final Clock clock;

	AdminBootstrap(AdminProperties properties, Users users, CurrentTerms terms, PasswordHashing hashing, PasswordPolicy policy,
			TransactionTemplate transactions, Environment environment, Clock clock) {
		this.properties = properties;
		this.users = users;
		this.terms = terms;
		this.hashing = hashing;
		this.policy = policy;
		this.transactions = transactions;
		this.local = LocalProfile.isActive(environment);
		this.clock = clock;
		refuseUnsafePassword(properties, policy, this.local);
	}

	/** Checked when the bean is created, so a misconfigured service never starts serving. */
	static void refuseUnsafePassword(AdminProperties properties, PasswordPolicy policy, boolean local) {
		if (local || properties.email() == null || properties.email().isBlank() || properties.password() == null
				|| properties.password().isBlank()) {
			return;
		}
		if (DEV_PASSWORD.equals(properties.password())) {
			throw new IllegalStateException("mclass.admin.password is the documented development password: set "
					+ "MCLASS_ADMIN_PASSWORD (from a secret), or clear MCLASS_ADMIN_EMAIL to create no administrator. The "
					+ "development password is allowed only with the '" + LocalProfile.NAME + "' profile.");
		}
		policy.check(properties.password()).ifPresent((violation) -> {
			throw new IllegalStateException("mclass.admin.password fails the password policy (" + violation
					+ "): set MCLASS_ADMIN_PASSWORD to " + PasswordPolicy.MIN_LENGTH + "-" + PasswordPolicy.MAX_LENGTH
					+ " characters that are not a common password");
		});
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.email() == null || this.properties.email().isBlank()) {
			return;
		}
		String email = this.properties.email().strip().toLowerCase(Locale.ROOT);
		Optional<User> existing = this.users.findByProviderAndEmail(Provider.LOCAL, email);
		if (existing.isPresent()) {
			reportExisting(existing.get());
			return;
		}
		if (this.properties.password() == null || this.properties.password().isBlank()) {
			log.warn("mclass.admin.email is set but mclass.admin.password is empty: no administrator created");
			return;
		}
		Optional<PasswordPolicy.Violation> violation = this.policy.check(this.properties.password());
		if (violation.isPresent()) {
			log.error("Administrator {} NOT created: mclass.admin.password fails the password policy ({}). Set "
					+ "MCLASS_ADMIN_PASSWORD to {}-{} characters that are not a common password.", email, violation.get(),
					PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH);
			return;
		}
		if (DEV_PASSWORD.equals(this.properties.password())) {
			log.warn("Creating administrator {} with the development password (profile '{}' only)", email, LocalProfile.NAME);
		}
		String passwordHash = this.hashing.hash(this.properties.password());
		List<UUID> required = this.terms.list().stream().filter(Term::isRequired).map(Term::getId).toList();
		try {
			this.transactions.executeWithoutResult((status) -> {
				User admin = User.local(email, passwordHash, "관리자", Language.KO, Role.ADMIN, this.clock.instant());
				admin.verifyEmail(this.clock.instant());
				admin = this.users.saveAndFlush(admin);
				this.terms.agree(admin.getId(), required);
			});
			log.info("Created administrator {}", email);
		}
		catch (DataIntegrityViolationException ex) {
			log.info("Administrator {} was created by another instance", email);
		}
	}

	/** Never silent: an account that is not an enabled administrator under the admin's address needs an operator. */
	private void reportExisting(User user) {
		if (user.getRole() == Role.ADMIN && !user.isDisabled()) {
			log.info("Administrator {} exists; left as it is (mclass.admin.password is not applied to it)", user.getEmail());
		}
		else if (user.getRole() == Role.ADMIN) {
			log.error("The configured administrator {} exists but is DISABLED: no administrator can sign in with it. Re-enable "
					+ "it (PUT /api/admin/users/{} {\"disabled\":false} as another administrator, or "
					+ "UPDATE users SET disabled = false WHERE id = '{}'), or set MCLASS_ADMIN_EMAIL to another address.",
					user.getEmail(), user.getId(), user.getId());
		}
		else {
			log.error("The configured administrator e-mail {} belongs to an existing account that is NOT an administrator "
					+ "(user {}, created {}): no administrator was created. If the account is yours, make it one (PUT "
					+ "/api/admin/users/{}/role as another administrator, or UPDATE users SET role = 'ADMIN' WHERE id = '{}'); "
					+ "if someone else registered the address, take it back with a password reset, or set "
					+ "MCLASS_ADMIN_EMAIL to another address.", user.getEmail(), user.getId(), user.getCreatedAt(), user.getId(),
					user.getId());
		}
	}

}
