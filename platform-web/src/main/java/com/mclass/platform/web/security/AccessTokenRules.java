package com.mclass.platform.web.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The one set of claim rules an MClass access token must pass besides its RS256 signature, applied alike by the
 * gateway, by every service behind it and by auth-service: an {@code exp} (a token without one would never expire)
 * and {@code nbf} checked against the clock with {@link #CLOCK_SKEW}, an {@code iat}, the configured {@code iss} and
 * {@code aud}, a {@code sub} that is a user id, and a {@code sid} and {@code role}. The revoked-session check is not
 * here: it is asked on every request, also for tokens already verified ({@link VerifiedTokenCache}).
 */
public final class AccessTokenRules {

	/** Spring Security's default tolerance for clocks that disagree between auth-service and its resource servers. */
	public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private final JwtTimestampValidator lifetime;

	private final OAuth2TokenValidator<Jwt> claims;

	public AccessTokenRules(MclassSecurityProperties properties, Clock clock) {
		this.lifetime = new JwtTimestampValidator(CLOCK_SKEW);
		this.lifetime.setAllowEmptyExpiryClaim(false);
		this.lifetime.setClock(clock);
		this.claims = JwtValidators.createDefaultWithValidators(List.of(this.lifetime,
				new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(properties.audience()),
				new JwtClaimValidator<String>(JwtClaimNames.SUB, AccessTokenRules::isUserId),
				new JwtClaimValidator<Object>(JwtClaimNames.IAT, (issuedAt) -> issuedAt != null),
				new JwtClaimValidator<Object>(AuthenticatedUser.SESSION_CLAIM, AccessTokenRules::isPresent),
				new JwtClaimValidator<Object>(AuthenticatedUser.ROLE_CLAIM, AccessTokenRules::isPresent)));
	}

	/** Every rule but the revoked-session check. */
	public OAuth2TokenValidator<Jwt> claims() {
		return this.claims;
	}

	/** Whether {@code jwt}'s {@code exp} and {@code nbf} still pass, now, exactly as {@link #claims()} judges them. */
	public boolean isWithinLifetime(Jwt jwt) {
		return !this.lifetime.validate(jwt).hasErrors();
	}

	private static boolean isUserId(String subject) {
		if (subject == null) {
			return false;
		}
		try {
			UUID.fromString(subject);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean isPresent(Object claim) {
		return claim != null && !claim.toString().isBlank();
	}

}
