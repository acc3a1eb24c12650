package com.mclass.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.mclass.gateway.StubService;
import com.mclass.platform.test.TestTokens;
import com.mclass.platform.web.security.AccessTokenRules;
import com.mclass.platform.web.security.MclassSecurityProperties;
import com.mclass.platform.web.security.PublishedKeys;
import com.mclass.platform.web.security.RevocationMirror;
import com.mclass.platform.web.security.VerifiedTokenCache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccessTokensTests {

	private final OAuth2TokenValidator<Jwt> rules = AccessTokens.claimRules(properties("http://unused"));

	@Test
	void acceptsATokenShapedLikeAuthServicesOwn() {
		assertThat(this.rules.validate(token(UnaryOperator.identity())).hasErrors()).isFalse();
	}

	@Test
	void refusesATokenThatNeverExpires() {
		assertThat(this.rules.validate(token((claims) -> claims.claims((all) -> all.remove("exp")))).hasErrors()).isTrue();
	}

	@Test
	void refusesASubjectThatIsNoUserId() {
		assertThat(this.rules.validate(token((claims) -> claims.subject("admin"))).hasErrors()).isTrue();
	}

	@Test
	void refusesATokenWithoutSessionRoleOrIssueTime() {
		assertThat(this.rules.validate(token((claims) -> claims.claims((all) -> all.remove("sid")))).hasErrors()).isTrue();
		assertThat(this.rules.validate(token((claims) -> claims.claims((all) -> all.remove("role")))).hasErrors()).isTrue();
		assertThat(this.rules.validate(token((claims) -> claims.claims((all) -> all.remove("iat")))).hasErrors()).isTrue();
	}

	@Test
	void refusesAForeignIssuerOrAudience() {
		assertThat(this.rules.validate(token((claims) -> claims.issuer("someone-else"))).hasErrors()).isTrue();
		assertThat(this.rules.validate(token((claims) -> claims.audience(List.of("other-api")))).hasErrors()).isTrue();
	}

	@Test
	void reportsUnreachableSigningKeysAsAnUncheckableTokenNotABadOne() {
		// Redis is never asked: the signature cannot be checked first.
		AccessTokens tokens = AccessTokens.verifiedWith(properties(StubService.unreachableUrl() + "/.well-known/jwks.json"),
				new SessionRevocations(RevocationMirror.of(properties("http://unused"), Clock.systemUTC()), null,
						Duration.ofSeconds(1), Clock.systemUTC()));

		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> tokens.decode(TestTokens.user(UUID.randomUUID())).block())
			.isNotInstanceOf(BadJwtException.class);
	}

	@Test
	void fetchesTheKeySetAtMostOncePerIntervalHoweverManyForgedKeyIdsArrive() throws Exception {
		AtomicInteger fetches = new AtomicInteger();
		String jwks = new JWKSet(TestTokens.signingKey().toPublicJWK()).toString();
		PublishedKeys keys = new PublishedKeys(() -> {
			fetches.incrementAndGet();
			return CompletableFuture.supplyAsync(() -> jwks);
		}, Duration.ofMinutes(1), Clock.systemUTC());
		AccessTokens tokens = AccessTokens.verifiedWith(properties("http://unused"), keys, liveSessions(),
				Clock.systemUTC());
		RSAKey forger = new RSAKeyGenerator(2048).generate();

		List<Mono<Jwt>> forgeries = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			forgeries.add(tokens.decode(forged(forger, "forged-" + UUID.randomUUID()))
				.onErrorResume(BadJwtException.class, (refused) -> Mono.empty()));
		}
		List<Jwt> accepted = Flux.merge(Flux.fromIterable(forgeries), 32).collectList().block(Duration.ofSeconds(30));

		assertThat(accepted).isEmpty();
		assertThat(fetches).hasValue(1);
		// The genuine key came with that one fetch: a real token needs no other.
		assertThat(tokens.decode(TestTokens.user(UUID.randomUUID())).block(Duration.ofSeconds(10))).isNotNull();
		assertThat(fetches).hasValue(1);
	}

	@Test
	void answersARepeatedTokenFromTheVerifiedCacheButStillRefusesItOnceItsSessionEnds() {
		RevocationMirror mirror = currentMirror();
		AtomicInteger decodes = new AtomicInteger();
		String sessionId = UUID.randomUUID().toString();
		String token = TestTokens.forUser(UUID.randomUUID()).sessionId(sessionId).sign();
		ReactiveJwtDecoder signed = AccessTokens.verifiedWith(properties(TestTokens.jwksUri()),
				new SessionRevocations(mirror, null, Duration.ofSeconds(1), Clock.systemUTC()));
		AccessTokens tokens = new AccessTokens((value) -> {
			decodes.incrementAndGet();
			return signed.decode(value);
		}, new VerifiedTokenCache(100, new AccessTokenRules(properties("http://unused"), Clock.systemUTC()),
				Clock.systemUTC()), new SessionRevocations(mirror, null, Duration.ofSeconds(1), Clock.systemUTC()));

		for (int i = 0; i < 10; i++) {
			assertThat(tokens.decode(token).block(Duration.ofSeconds(10)).getClaimAsString("sid")).isEqualTo(sessionId);
		}
		assertThat(decodes).hasValue(1);

		mirror.polled(mirror.nextPoll(), List.of(Long.toString(System.currentTimeMillis()), sessionId,
				Long.toString(System.currentTimeMillis())));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode(token).block())
			.withMessageContaining("The session has ended");
	}

	private static SessionRevocations liveSessions() {
		return new SessionRevocations(currentMirror(), null, Duration.ofMinutes(1), Clock.systemUTC());
	}

	/** A mirror that has polled (an empty list of revocations) and stays current for the whole test: Redis-free. */
	private static RevocationMirror currentMirror() {
		RevocationMirror mirror = new RevocationMirror(Duration.ofMinutes(17), Duration.ofSeconds(5), Duration.ofHours(1),
				Clock.systemUTC());
		mirror.polled(mirror.nextPoll(), List.of(Long.toString(System.currentTimeMillis())));
		return mirror;
	}

	private static String forged(RSAKey key, String keyId) throws Exception {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER)
			.audience(TestTokens.AUDIENCE)
			.subject(UUID.randomUUID().toString())
			.claim("role", "ADMIN")
			.claim("sid", UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static MclassSecurityProperties properties(String jwksUri) {
		return new MclassSecurityProperties(jwksUri, TestTokens.ISSUER, TestTokens.AUDIENCE, List.of(), List.of(),
				Duration.ofSeconds(1));
	}

	private static Jwt token(UnaryOperator<Jwt.Builder> bend) {
		Instant now = Instant.now();
		Jwt.Builder builder = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.issuer(TestTokens.ISSUER)
			.audience(List.of(TestTokens.AUDIENCE))
			.subject(UUID.randomUUID().toString())
			.claim("sid", UUID.randomUUID().toString())
			.claim("role", "USER")
			.issuedAt(now.minusSeconds(1))
			.expiresAt(now.plus(Duration.ofMinutes(15)));
		return bend.apply(builder).build();
	}

}
