package com.mclass.auth.user;

import java.util.UUID;

/** A user as clients see it, in token responses and {@code /api/auth/me}. */
public record UserView(UUID id, String email, String name, Role role, Provider provider, boolean signUpCompleted,
		boolean emailVerified) {

	public static UserView of(User user, boolean signUpCompleted) {
		return new UserView(user.getId(), user.getEmail(), user.getName(), user.getRole(), user.getProvider(), signUpCompleted,
				user.isEmailVerified());
	}

}
