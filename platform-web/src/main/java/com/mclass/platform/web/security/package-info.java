/**
 * Every service as an OAuth2 resource server: RS256 tokens from auth-service's JWKS, {@code iss}/{@code aud}/expiry
 * checks, revoked sessions (an in-memory mirror of Redis while it is current, else Redis;
 * docs/decisions/0003-the-revocation-mirror.md), 401/403 in the envelope, and the {@code AuthenticatedUser} argument.
 */
package com.mclass.platform.web.security;
