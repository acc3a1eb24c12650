package com.mclass.auth.token;

import java.util.UUID;

/**
 * What an access token says about its bearer. Name and locale travel in the token so that services can address the
 * user (enrollment events carry them to the email) without calling back here.
 */
public record AccessTokenClaims(UUID userId, String email, String name, String locale, String role, String sessionId,
		boolean signupCompleted, boolean emailVerified) {
}
