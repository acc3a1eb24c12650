package com.mclass.gateway.security;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

import com.mclass.platform.web.security.AuthenticatedUser;
import com.mclass.platform.web.security.MclassSecurityProperties;

/**
 * Decodes the access tokens auth-service issues with the rules every MClass resource server applies: an RS256
 * signature by a key of auth-service's JWKS (no other algorithm, so neither {@code alg: none} nor an HMAC keyed with
 * the public key passes), the configured {@code iss} and {@code aud}, an {@code exp} in the future, the claims the
 * services rely on ({@code sub} as a user id, {@code sid}, {@code role}), and a session that has not been revoked.
 * The revocation check runs last, so that only otherwise valid tokens cost a Redis round trip.
 */
class AccessTokens implements ReactiveJwtDecoder {

	/** auth-service down must not hold requests: the keys are cached once fetched, so this rarely matters. */
	private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(3);

	private final ReactiveJwtDecoder signedTokens;

	private final SessionRevocations revocations;

	AccessTokens(ReactiveJwtDecoder signedTokens, SessionRevocations revocations) {
		this.signedTokens = signedTokens;
		this.revocations = revocations;
	}

	static AccessTokens verifiedWith(MclassSecurityProperties properties, SessionRevocations revocations) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.webClient(jwksClient())
			.build();
		decoder.setJwtValidator(claimRules(properties));
		return new AccessTokens(decoder, revocations);
	}

	static OAuth2TokenValidator<Jwt> claimRules(MclassSecurityProperties properties) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		// A token without exp would never expire.
		timestamps.setAllowEmptyExpiryClaim(false);
		return JwtValidators.createDefaultWithValidators(List.of(timestamps,
				new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(properties.audience()),
				new JwtClaimValidator<String>(JwtClaimNames.SUB, AccessTokens::isUserId),
				new JwtClaimValidator<Object>(JwtClaimNames.IAT, (issuedAt) -> issuedAt != null),
				new JwtClaimValidator<Object>(AuthenticatedUser.SESSION_CLAIM, AccessTokens::isPresent),
				new JwtClaimValidator<Object>(AuthenticatedUser.ROLE_CLAIM, AccessTokens::isPresent)));
	}

	@Override
	public Mono<Jwt> decode(String token) {
		return this.signedTokens.decode(token)
			// Nimbus reports signing keys it could not fetch (auth-service down) as an IllegalStateException, which
			// would surface as a 500; as a (non-bad) JwtException it becomes a 503 like any other unverifiable token.
			.onErrorMap(IllegalStateException.class, (failure) -> new JwtException(failure.getMessage(), failure))
			.flatMap(this::unlessRevoked);
	}

	private Mono<Jwt> unlessRevoked(Jwt jwt) {
		return this.revocations.isRevoked(jwt.getClaimAsString(AuthenticatedUser.SESSION_CLAIM), jwt.getIssuedAt())
			// Not a BadJwtException: Spring Security rethrows it instead of answering 401, and the envelope handler
			// answers 503. An unverifiable session is refused, but the client should retry, not log in again.
			.onErrorMap((failure) -> new JwtException("Revoked sessions could not be checked", failure))
			.flatMap((revoked) -> revoked ? Mono.error(sessionEnded()) : Mono.just(jwt));
	}

	private static JwtValidationException sessionEnded() {
		OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The session has ended", null);
		return new JwtValidationException(error.getDescription(), List.of(error));
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

	private static WebClient jwksClient() {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) JWKS_TIMEOUT.toMillis())
			.responseTimeout(JWKS_TIMEOUT);
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

}
