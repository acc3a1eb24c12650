package com.mclass.auth.token;

import java.util.UUID;

/** What an access token says about its bearer. */
public record AccessTokenClaims(UUID userId, String email, String role, String sessionId, boolean signupCompleted) {
}
