package com.mclass.platform.web.security;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, taken from the verified access token and never from a header a client could set. Controllers
 * declare a parameter of this type to receive it.
 */
public record AuthenticatedUser(UUID id, String email, String name, String locale, String role, String sessionId,
		boolean signupCompleted) {

	public static final String ROLE_CLAIM = "role";

	public static final String SESSION_CLAIM = "sid";

	public static final String SIGNUP_COMPLETED_CLAIM = "signup_completed";

	public static final String EMAIL_CLAIM = "email";

	/** Whether the owner of {@code email} proved it (auth-service); services that require it read it from the token. */
	public static final String EMAIL_VERIFIED_CLAIM = "email_verified";

	public static final String NAME_CLAIM = "name";

	/** The user's language tag ({@code ko}, {@code en}) for what is written to them. */
	public static final String LOCALE_CLAIM = "locale";

	public static AuthenticatedUser from(Jwt jwt) {
		Boolean completed = jwt.getClaimAsBoolean(SIGNUP_COMPLETED_CLAIM);
		return new AuthenticatedUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString(EMAIL_CLAIM),
				jwt.getClaimAsString(NAME_CLAIM), jwt.getClaimAsString(LOCALE_CLAIM), jwt.getClaimAsString(ROLE_CLAIM),
				jwt.getClaimAsString(SESSION_CLAIM), Boolean.TRUE.equals(completed));
	}

	public boolean isAdmin() {
		return "ADMIN".equals(this.role);
	}

}
