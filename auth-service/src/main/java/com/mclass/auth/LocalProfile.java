package com.mclass.auth;

import org.springframework.core.env.Environment;

/**
 * The {@code local} profile: a developer's machine ({@code ./mclass up}, the tests, docker compose), where the
 * documented development defaults (the admin password, a signing key generated into the database) are allowed.
 * Anywhere else auth-service refuses to start with them.
 */
public final class LocalProfile {

	public static final String NAME = "local";

	private LocalProfile() {
	}

	public static boolean isActive(Environment environment) {
		return environment.matchesProfiles(NAME);
	}

}
