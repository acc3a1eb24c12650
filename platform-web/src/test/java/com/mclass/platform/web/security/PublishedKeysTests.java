package com.mclass.platform.web.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;

import com.mclass.platform.test.MutableClock;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PublishedKeysTests {

	private static final Duration INTERVAL = Duration.ofSeconds(5);

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

	private final String jwks = new JWKSet(TestTokens.signingKey().toPublicJWK()).toString();

	private final AtomicBoolean authServiceDown = new AtomicBoolean();

	private final PublishedKeys keys = new PublishedKeys(() -> this.authServiceDown.get()
			? CompletableFuture.failedFuture(new IOException("Connection refused"))
			: CompletableFuture.supplyAsync(() -> this.jwks), INTERVAL, this.clock);

	@Test
	void fetchesTheKeysOnceForTheFirstTokenAndAnswersLaterOnesFromMemory() throws Exception {
		for (int i = 0; i < 20; i++) {
			assertThat(this.keys.select(selectorFor(TestTokens.signingKey().getKeyID()), WAIT)).hasSize(1);
			this.clock.advance(INTERVAL);
		}

		assertThat(this.keys.fetchCount()).isEqualTo(1);
	}

	@Test
	void fetchesAtMostOncePerIntervalHoweverManyForgedKeyIdsArriveAtOnce() throws Exception {
		this.keys.select(selectorFor(TestTokens.signingKey().getKeyID()), WAIT);
		this.clock.advance(INTERVAL);

		ExecutorService threads = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> workers = new ArrayList<>();
		for (int worker = 0; worker < 8; worker++) {
			workers.add(threads.submit(() -> {
				start.await();
				int matched = 0;
				for (int i = 0; i < 250; i++) {
					matched += this.keys.select(selectorFor("forged-" + UUID.randomUUID()), WAIT).size();
				}
				return matched;
			}));
		}
		start.countDown();
		for (Future<Integer> worker : workers) {
			assertThat(worker.get(60, TimeUnit.SECONDS)).isZero();
		}
		threads.shutdown();
		// 2,000 unknown key ids: one fetch for the whole interval, besides the first.
		assertThat(this.keys.fetchCount()).isEqualTo(2);

		this.clock.advance(INTERVAL.minusMillis(1));
		this.keys.select(selectorFor("forged-" + UUID.randomUUID()), WAIT);
		assertThat(this.keys.fetchCount()).isEqualTo(2);

		this.clock.advance(Duration.ofMillis(1));
		this.keys.select(selectorFor("forged-" + UUID.randomUUID()), WAIT);
		assertThat(this.keys.fetchCount()).isEqualTo(3);
	}

	@Test
	void reportsKeysThatCannotBeFetchedAsAKeySourceFailureAndRetriesOnlyAfterTheInterval() throws Exception {
		this.authServiceDown.set(true);
		JWKSelector selector = selectorFor(TestTokens.signingKey().getKeyID());

		assertThatExceptionOfType(KeySourceException.class).isThrownBy(() -> this.keys.select(selector, WAIT));
		assertThatExceptionOfType(KeySourceException.class).isThrownBy(() -> this.keys.select(selector, WAIT));
		assertThat(this.keys.fetchCount()).isEqualTo(1);

		this.authServiceDown.set(false);
		this.clock.advance(INTERVAL);
		assertThat(this.keys.select(selector, WAIT)).hasSize(1);
		assertThat(this.keys.fetchCount()).isEqualTo(2);
	}

	private static JWKSelector selectorFor(String keyId) {
		return new JWKSelector(JWKMatcher.forJWSHeader(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build()));
	}

}
