package com.mclass.gateway.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.mclass.platform.web.security.AccessTokenRules;
import com.mclass.platform.web.security.AuthenticatedUser;
import com.mclass.platform.web.security.MclassSecurityProperties;
import com.mclass.platform.web.security.PublishedKeys;
import com.mclass.platform.web.security.VerifiedTokenCache;

/**
 * Decodes the access tokens auth-service issues with the rules every MClass resource server applies (platform-web's
 * {@link AccessTokenRules}): an RS256 signature by a key of auth-service's JWKS (no other algorithm, so neither
 * {@code alg: none} nor an HMAC keyed with the public key passes), the configured {@code iss} and {@code aud}, an
 * {@code exp} in the future, the claims the services rely on ({@code sub} as a user id, {@code iat}, {@code sid},
 * {@code role}), and a session that has not been revoked.
 * <p>
 * The signature and claims are verified once per token ({@link VerifiedTokenCache}: a cached token is answered without
 * touching Reactor or RSA, and never past its {@code exp}); the revocation check runs on every request, last, so that
 * only otherwise valid tokens ever cost a Redis round trip (none while the revocation mirror is current). Unknown key
 * ids refetch the JWKS at most once per {@code mclass.security.jwks-refetch-interval} ({@link PublishedKeys}).
 */
class AccessTokens implements ReactiveJwtDecoder {

	/** auth-service down must not hold requests: the keys are cached once fetched, so this rarely matters. */
	private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(3);

	private final ReactiveJwtDecoder signedTokens;

	private final VerifiedTokenCache verified;

	private final SessionRevocations revocations;

	AccessTokens(ReactiveJwtDecoder signedTokens, VerifiedTokenCache verified, SessionRevocations revocations) {
		this.signedTokens = signedTokens;
		this.verified = verified;
		this.revocations = revocations;
	}

	static AccessTokens verifiedWith(MclassSecurityProperties properties, SessionRevocations revocations) {
		Clock clock = Clock.systemUTC();
		PublishedKeys keys = PublishedKeys.fetchedFrom(URI.create(properties.jwksUri()),
				properties.jwksRefetchInterval(), JWKS_TIMEOUT, clock);
		return verifiedWith(properties, keys, revocations, clock);
	}

	static AccessTokens verifiedWith(MclassSecurityProperties properties, PublishedKeys keys,
			SessionRevocations revocations, Clock clock) {
		AccessTokenRules rules = new AccessTokenRules(properties, clock);
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource((jwt) -> keysFor(jwt, keys))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(rules.claims());
		return new AccessTokens(decoder, new VerifiedTokenCache(properties.verifiedTokenCacheSize(), rules, clock),
				revocations);
	}

	static OAuth2TokenValidator<Jwt> claimRules(MclassSecurityProperties properties) {
		return new AccessTokenRules(properties, Clock.systemUTC()).claims();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.verified.get(token);
		if (known != null) {
			return unlessRevoked(known);
		}
		return this.signedTokens.decode(token)
			// Signing keys that could not be fetched (auth-service down) must not surface as a 500: as a (non-bad)
			// JwtException the token becomes a 503 like any other unverifiable one.
			.onErrorMap((failure) -> !(failure instanceof JwtException),
					(failure) -> new JwtException(failure.getMessage(), failure))
			.doOnNext(this.verified::put)
			.flatMap(this::unlessRevoked);
	}

	private Mono<Jwt> unlessRevoked(Jwt jwt) {
		return this.revocations.isRevoked(jwt.getClaimAsString(AuthenticatedUser.SESSION_CLAIM), jwt.getIssuedAt())
			// Not a BadJwtException: Spring Security rethrows it instead of answering 401, and the envelope handler
			// answers 503. An unverifiable session is refused, but the client should retry, not log in again.
			.onErrorMap((failure) -> new JwtException("Revoked sessions could not be checked", failure))
			.flatMap((revoked) -> revoked ? Mono.error(sessionEnded()) : Mono.just(jwt));
	}

	/** The keys the token's header names; fetched (within the refetch limit) only when none is known. */
	private static Flux<JWK> keysFor(SignedJWT jwt, PublishedKeys keys) {
		JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
		List<JWK> known = keys.select(selector);
		if (!known.isEmpty()) {
			return Flux.fromIterable(known);
		}
		// suppressCancel: the fetch may be shared with other requests, a cancelled one must not abort it.
		return Mono.fromFuture(keys::refreshed, true).flatMapIterable(selector::select);
	}

	private static JwtValidationException sessionEnded() {
		OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The session has ended", null);
		return new JwtValidationException(error.getDescription(), List.of(error));
	}

}
