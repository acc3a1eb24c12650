package com.mclass.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class SessionRevocationsTests {

	private final ReactiveStringRedisTemplate redis = mock(ReactiveStringRedisTemplate.class);

	private final AtomicInteger lookups = new AtomicInteger();

	private Instant now = Instant.parse("2026-03-02T09:00:00Z");

	private final SessionRevocations revocations = new SessionRevocations(this.redis, Duration.ofSeconds(1),
			new Clock() {
				@Override
				public Instant instant() {
					return SessionRevocationsTests.this.now;
				}

				@Override
				public java.time.ZoneId getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(java.time.ZoneId zone) {
					return this;
				}
			});

	@Test
	void asksRedisOncePerSessionAndSecondEvenForRequestsInFlightTogether() {
		answer(Mono.defer(() -> Mono.just(this.lookups.incrementAndGet() > 99)));
		Mono<Boolean> first = this.revocations.isRevoked("s1");
		Mono<Boolean> second = this.revocations.isRevoked("s1");

		assertThat(first.block()).isFalse();
		assertThat(second.block()).isFalse();
		assertThat(this.lookups).hasValue(1);
	}

	@Test
	void asksAgainOnceTheAnswerIsOlderThanTheCacheTtl() {
		answer(Mono.fromSupplier(() -> this.lookups.incrementAndGet() > 1));
		assertThat(this.revocations.isRevoked("s1").block()).isFalse();

		this.now = this.now.plusMillis(1001);

		assertThat(this.revocations.isRevoked("s1").block()).isTrue();
		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void neverRemembersAFailure() {
		answer(Mono.defer(() -> (this.lookups.incrementAndGet() == 1)
				? Mono.error(new RedisConnectionFailureException("down")) : Mono.just(false)));

		assertThatExceptionOfType(RedisConnectionFailureException.class)
			.isThrownBy(() -> this.revocations.isRevoked("s1").block());
		assertThat(this.revocations.isRevoked("s1").block()).isFalse();
		assertThat(this.lookups).hasValue(2);
	}

	private void answer(Mono<Boolean> answer) {
		given(this.redis.hasKey(anyString())).willReturn(answer);
	}

}
