package com.mclass.auth.token;

import java.time.Instant;

public record IssuedAccessToken(String value, Instant expiresAt, long expiresInSeconds) {
}
