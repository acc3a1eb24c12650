package com.mclass.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import com.mclass.platform.web.security.AuthenticatedUser;
import com.mclass.platform.web.security.MclassSecurityProperties;

/**
 * Issues RS256 access tokens with the active key's {@code kid}: {@code iss}, {@code aud}, {@code sub} (user id),
 * {@code role}, {@code sid} (session), {@code signup_completed}, {@code email} (when known), {@code iat}, {@code exp},
 * {@code jti}. Issuer and audience are the ones every resource server checks ({@code mclass.security.*}).
 */
public class AccessTokens {

	private final SigningKeys keys;

	private final String issuer;

	private final String audience;

	private final Duration ttl;

	private final Clock clock;

	AccessTokens(SigningKeys keys, MclassSecurityProperties security, Duration ttl, Clock clock) {
		this.keys = keys;
		this.issuer = security.issuer();
		this.audience = security.audience();
		this.ttl = ttl;
		this.clock = clock;
	}

	public IssuedAccessToken issue(AccessTokenClaims claims) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.ttl);
		JWTClaimsSet.Builder body = new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience(this.audience)
			.subject(claims.userId().toString())
			.claim(AuthenticatedUser.ROLE_CLAIM, claims.role())
			.claim(AuthenticatedUser.SESSION_CLAIM, claims.sessionId())
			.claim(AuthenticatedUser.SIGNUP_COMPLETED_CLAIM, claims.signupCompleted())
			.claim(AuthenticatedUser.EMAIL_VERIFIED_CLAIM, claims.emailVerified())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString());
		if (claims.email() != null) {
			body.claim(AuthenticatedUser.EMAIL_CLAIM, claims.email());
		}
		if (claims.name() != null) {
			body.claim(AuthenticatedUser.NAME_CLAIM, claims.name());
		}
		if (claims.locale() != null) {
			body.claim(AuthenticatedUser.LOCALE_CLAIM, claims.locale());
		}
		SigningKey key = this.keys.active();
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build(),
				body.build());
		try {
			token.sign(new RSASSASigner(key.privateKey()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign an access token", ex);
		}
		return new IssuedAccessToken(token.serialize(), expiresAt, this.ttl.toSeconds());
	}

	public Duration ttl() {
		return this.ttl;
	}

}
