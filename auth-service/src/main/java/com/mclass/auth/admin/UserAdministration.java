package com.mclass.auth.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.auth.AuthErrorCode;
import com.mclass.auth.terms.CurrentTerms;
import com.mclass.auth.user.Provider;
import com.mclass.auth.user.Role;
import com.mclass.auth.user.SignupStatus;
import com.mclass.auth.user.User;
import com.mclass.auth.user.UserView;
import com.mclass.auth.user.Users;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/** What administrators do with accounts: find them and change their role. */
@Service
public class UserAdministration {

	private final Users users;

	private final CurrentTerms terms;

	private final SignupStatus status;

	private final Clock clock;

	UserAdministration(Users users, CurrentTerms terms, SignupStatus status, Clock clock) {
		this.users = users;
		this.terms = terms;
		this.status = status;
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
	 * Takes effect in the user's next access token (at the latest one access-token lifetime from now). Admins may not
	 * change their own role, which keeps the last administrator from locking everyone out.
	 */
	@Transactional
	public UserView changeRole(UUID userId, Role role, UUID caller) {
		if (userId.equals(caller)) {
			throw new ApiException(AuthErrorCode.CANNOT_CHANGE_OWN_ROLE);
		}
		User user = this.users.findById(userId).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
		user.changeRole(role, this.clock.instant());
		return this.status.view(user);
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	public record UserPage(List<AdminUserView> users, int page, int size, long totalElements, int totalPages) {
	}

	public record AdminUserView(UUID id, String email, String name, Role role, Provider provider,
			boolean signUpCompleted, Instant createdAt) {

		static AdminUserView of(User user, boolean signUpCompleted) {
			return new AdminUserView(user.getId(), user.getEmail(), user.getName(), user.getRole(), user.getProvider(),
					signUpCompleted, user.getCreatedAt());
		}

	}

}
