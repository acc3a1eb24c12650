package com.mclass.platform.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.mclass.platform.test.MutableClock;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The verified-token cache in front of a real RS256 verification (TestTokens' key): each token's signature is
 * verified once, but a cached token is refused past its expiry and after its session is revoked, exactly like one
 * verified afresh.
 */
class AccessTokenDecoderTests {

	/** Tokens are signed with the real time; the verifier's clock starts there and is moved by the tests. */
	private final MutableClock clock = new MutableClock(Instant.now());

	private final AccessTokenRules rules = new AccessTokenRules(new MclassSecurityProperties("http://unused",
			TestTokens.ISSUER, TestTokens.AUDIENCE, List.of(), List.of(), Duration.ofSeconds(1)), this.clock);

	private final AtomicInteger signatureChecks = new AtomicInteger();

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	private volatile RuntimeException redisFailure;

	private final RevokedSessions sessions = (sessionId) -> {
		RuntimeException failure = this.redisFailure;
		if (failure != null) {
			throw failure;
		}
		return this.revoked.contains(sessionId);
	};

	private final AccessTokenDecoder decoder = new AccessTokenDecoder(countingRealVerifier(),
			new VerifiedTokenCache(1000, this.rules, this.clock), this.sessions);

	@Test
	void verifiesEachTokensSignatureOnceAndAnswersRepeatsFromTheCache() {
		String token = TestTokens.user(UUID.randomUUID());

		Jwt first = this.decoder.decode(token);
		for (int i = 0; i < 50; i++) {
			assertThat(this.decoder.decode(token).getSubject()).isEqualTo(first.getSubject());
		}

		assertThat(this.signatureChecks).hasValue(1);
	}

	@Test
	void neverAcceptsACachedTokenPastItsExpiry() {
		// Whole seconds, as a JWT carries them.
		Instant expiresAt = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		String token = TestTokens.forUser(UUID.randomUUID()).expiresAt(expiresAt).sign();
		this.decoder.decode(token);

		this.clock.advance(Duration.between(this.clock.instant(), expiresAt.plus(AccessTokenRules.CLOCK_SKEW)));
		this.decoder.decode(token); // still within the same tolerance a fresh verification grants

		this.clock.advance(Duration.ofMillis(1001));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.decoder.decode(token))
			.withMessageContaining("Jwt expired");
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.decoder.decode(token));
	}

	@Test
	void refusesACachedTokenAsSoonAsItsSessionIsRevoked() {
		String sessionId = UUID.randomUUID().toString();
		String token = TestTokens.forUser(UUID.randomUUID()).sessionId(sessionId).sign();
		this.decoder.decode(token);

		this.revoked.add(sessionId);

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(token))
			.withMessageContaining("The session has ended");
		assertThat(this.signatureChecks).hasValue(1);
	}

	@Test
	void reportsARevocationCheckThatFailsAsAnUncheckableTokenNotABadOne() {
		String token = TestTokens.user(UUID.randomUUID());
		this.decoder.decode(token);

		this.redisFailure = new QueryTimeoutException("Redis command timed out");

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(token))
			.isNotInstanceOf(BadJwtException.class)
			.withCauseInstanceOf(QueryTimeoutException.class);
	}

	@Test
	void neverCachesARefusedToken() {
		String foreign = TestTokens.forUser(UUID.randomUUID()).issuer("someone-else").sign();

		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(foreign));
		}
		assertThat(this.signatureChecks).hasValue(3);
	}

	@Test
	void keepsEveryAnswerRightUnderConcurrentUseWhileSessionsAreRevoked() throws Exception {
		int tokenCount = 40;
		List<String> sessionIds = new ArrayList<>();
		Map<String, String> tokenBySession = new ConcurrentHashMap<>();
		for (int i = 0; i < tokenCount; i++) {
			String sessionId = UUID.randomUUID().toString();
			sessionIds.add(sessionId);
			tokenBySession.put(sessionId, TestTokens.forUser(UUID.randomUUID()).sessionId(sessionId).sign());
		}
		ExecutorService threads = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		AtomicInteger wrongAnswers = new AtomicInteger();
		List<Future<?>> workers = new ArrayList<>();
		for (int worker = 0; worker < 8; worker++) {
			int offset = worker;
			workers.add(threads.submit(() -> {
				start.await();
				for (int round = 0; round < 200; round++) {
					String sessionId = sessionIds.get((round + offset) % tokenCount);
					// Read before decoding: a session revoked by then must be refused.
					boolean revokedBefore = this.revoked.contains(sessionId);
					try {
						this.decoder.decode(tokenBySession.get(sessionId));
						if (revokedBefore) {
							wrongAnswers.incrementAndGet();
						}
					}
					catch (BadJwtException ex) {
						if (!this.revoked.contains(sessionId)) {
							wrongAnswers.incrementAndGet();
						}
					}
				}
				return null;
			}));
		}
		start.countDown();
		// Half of the sessions end while the workers run.
		for (int i = 0; i < tokenCount; i += 2) {
			this.revoked.add(sessionIds.get(i));
			Thread.sleep(1);
		}
		for (Future<?> worker : workers) {
			worker.get(60, TimeUnit.SECONDS);
		}
		threads.shutdown();

		assertThat(wrongAnswers).hasValue(0);
		// Each token's signature is verified about once (two threads may race on a first verification).
		assertThat(this.signatureChecks.get()).isBetween(tokenCount, tokenCount * 8);
		for (int i = 0; i < tokenCount; i++) {
			String token = tokenBySession.get(sessionIds.get(i));
			if (i % 2 == 0) {
				assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(token));
			}
			else {
				assertThat(this.decoder.decode(token).getTokenValue()).isEqualTo(token);
			}
		}
	}

	private JwtDecoder countingRealVerifier() {
		NimbusJwtDecoder verifier;
		try {
			verifier = NimbusJwtDecoder.withPublicKey(TestTokens.signingKey().toRSAPublicKey())
				.signatureAlgorithm(SignatureAlgorithm.RS256)
				.build();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		verifier.setJwtValidator(this.rules.claims());
		return (token) -> {
			this.signatureChecks.incrementAndGet();
			return verifier.decode(token);
		};
	}

}
