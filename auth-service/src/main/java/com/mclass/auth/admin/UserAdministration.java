package com.mclass.auth.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.auth.AuthErrorCode;
import com.mclass.auth.session.Sessions;
import com.mclass.auth.terms.CurrentTerms;
import com.mclass.auth.user.Provider;
import com.mclass.auth.user.Role;
import com.mclass.auth.user.SignupStatus;
import com.mclass.auth.user.User;
import com.mclass.auth.user.UserEvents;
import com.mclass.auth.user.UserView;
import com.mclass.auth.user.Users;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/** What administrators do with accounts: find them, change their role, disable them. */
@Service
public class UserAdministration {

	private final Users users;

	private final CurrentTerms terms;

	private final SignupStatus status;

	private final Sessions sessions;

	private final UserEvents events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	UserAdministration(Users users, CurrentTerms terms, SignupStatus status, Sessions sessions, UserEvents events,
			TransactionTemplate transactions, Clock clock) {
		this.users = users;
		this.terms = terms;
		this.status = status;
		this.sessions = sessions;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Newest first; {@code query} matches part of the e-mail or name, case-insensitively. */
	@Transactional(readOnly = true)
	public UserPage search(String query, int page, int size) {
		String pattern = "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%";
		Page<User> found = this.users.search(pattern,
				PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
		Set<UUID> agreed = this.terms.agreedToAllRequired(found.getContent().stream().map(User::getId).toList());
		List<AdminUserView> views = found.getContent()
			.stream()
			.map((user) -> AdminUserView.of(user, user.isProfileCompleted() && agreed.contains(user.getId())))
			.toList();
		return new UserPage(views, found.getNumber(), found.getSize(), found.getTotalElements(), found.getTotalPages());
	}

	/**
	 * Changes the role and ends every session of the user once it is committed, so a demoted administrator's tokens
	 * are refused everywhere within about a second and the next sign-in carries the new role. Admins may not change
	 * their own role, which keeps the last administrator from locking everyone out.
	 */
	public UserView changeRole(UUID userId, Role role, UUID caller) {
		return update(userId, new Change(role, null), caller);
	}

	/**
	 * Applies a role change and/or disabling (or re-enabling). A changed role or a disabled account ends every
	 * session of the user after commit: refresh tokens die, access tokens are refused everywhere within about a
	 * second; a disabled user cannot sign in again in any way until re-enabled. Administrators can change neither
	 * their own role nor disable themselves. Each change appends its event ({@code UserRoleChanged},
	 * {@code UserDisabled}, {@code UserEnabled}) to the outbox in the transaction that makes it.
	 */
	public UserView update(UUID userId, Change change, UUID caller) {
		if (userId.equals(caller) && change.role() != null) {
			throw new ApiException(AuthErrorCode.CANNOT_CHANGE_OWN_ROLE);
		}
		if (userId.equals(caller) && Boolean.TRUE.equals(change.disabled())) {
			throw new ApiException(AuthErrorCode.CANNOT_DISABLE_OWN_ACCOUNT);
		}
		Updated updated = this.transactions.execute((status) -> {
			User user = this.users.findById(userId).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
			String reason = null;
			if (change.role() != null && change.role() != user.getRole()) {
				Role previous = user.getRole();
				user.changeRole(change.role(), this.clock.instant());
				this.events.roleChanged(user, previous, caller);
				reason = "role-changed";
			}
			if (change.disabled() != null && change.disabled() != user.isDisabled()) {
				user.disable(change.disabled(), this.clock.instant());
				this.events.disabledChanged(user, caller);
				if (change.disabled()) {
					reason = "disabled";
				}
			}
			this.users.flush();
			return new Updated(this.status.view(user), reason);
		});
		if (updated.endSessionsBecause() != null) {
			this.sessions.endAll(userId, updated.endSessionsBecause());
		}
		return updated.view();
	}

	/**
	 * The accounts behind {@code emails} (compared in lower case) for another service acting for an administrator
	 * (enrollment-service's bulk enrollment). An address may belong to more than one account (a local one and a social
	 * one): all of them are returned and the caller decides.
	 */
	@Transactional(readOnly = true)
	public List<KnownUser> lookup(Collection<String> emails) {
		List<String> lowerCase = emails.stream().map((email) -> email.strip().toLowerCase(Locale.ROOT)).distinct().toList();
		if (lowerCase.isEmpty()) {
			return List.of();
		}
		List<User> found = this.users.findByLowerCaseEmailIn(lowerCase);
		Set<UUID> agreed = this.terms.agreedToAllRequired(found.stream().map(User::getId).toList());
		return found.stream()
			.map((user) -> new KnownUser(user.getId(), user.getEmail(), user.getName(), user.getLocale(),
					user.isProfileCompleted() && agreed.contains(user.getId()), user.isDisabled()))
			.toList();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** What an administrator changes about a user; null leaves a part as it is. */
	public record Change(Role role, Boolean disabled) {
	}

	private record Updated(UserView view, String endSessionsBecause) {
	}

	/** What a service acting for an administrator needs to know of an account found by e-mail. */
	public record KnownUser(UUID id, String email, String name, String locale, boolean signUpCompleted, boolean disabled) {
	}

	public record UserPage(List<AdminUserView> users, int page, int size, long totalElements, int totalPages) {
	}

	public record AdminUserView(UUID id, String email, String name, Role role, Provider provider,
			boolean signUpCompleted, boolean emailVerified, boolean disabled, Instant createdAt) {

		static AdminUserView of(User user, boolean signUpCompleted) {
			return new AdminUserView(user.getId(), user.getEmail(), user.getName(), user.getRole(), user.getProvider(),
					signUpCompleted, user.isEmailVerified(), user.isDisabled(), user.getCreatedAt());
		}

	}

}
