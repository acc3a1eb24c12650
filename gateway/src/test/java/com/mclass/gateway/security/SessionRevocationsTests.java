package com.mclass.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import com.mclass.platform.test.MutableClock;
import com.mclass.platform.web.security.RevocationMirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class SessionRevocationsTests {

	private final ReactiveStringRedisTemplate redis = mock(ReactiveStringRedisTemplate.class);

	private final AtomicInteger lookups = new AtomicInteger();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

	private final RevocationMirror mirror = new RevocationMirror(Duration.ofMinutes(17), Duration.ofSeconds(5),
			Duration.ofSeconds(1), this.clock);

	private final SessionRevocations revocations = new SessionRevocations(this.mirror, this.redis, Duration.ofSeconds(1),
			this.clock);

	@Test
	void answersFromACurrentMirrorWithoutAskingRedis() {
		mirrorPolledWith("revoked-session");
		this.clock.advance(Duration.ofMillis(999));

		assertThat(this.revocations.isRevoked("revoked-session").block()).isTrue();
		assertThat(this.revocations.isRevoked("live-session").block()).isFalse();
		verifyNoInteractions(this.redis);
	}

	@Test
	void asksRedisOnceTheMirrorIsACacheTtlOld() {
		mirrorPolledWith();
		answer(Mono.fromSupplier(() -> this.lookups.incrementAndGet() > 0));

		this.clock.advance(Duration.ofSeconds(1));

		assertThat(this.revocations.isRevoked("revoked-after-the-last-poll").block()).isTrue();
		assertThat(this.lookups).hasValue(1);
	}

	@Test
	void asksRedisAboutATokenOlderThanTheMirrorsWindowEvenWhileTheMirrorIsCurrent() {
		mirrorPolledWith();
		answer(Mono.fromSupplier(() -> this.lookups.incrementAndGet() > 0));

		// Tokens that outlive the window (access-token TTL raised, window not) may have had their revocation forgotten.
		assertThat(this.revocations.isRevoked("old-token-session", this.clock.instant().minus(Duration.ofMinutes(17))).block()).isTrue();
		assertThat(this.lookups).hasValue(1);
		assertThat(this.revocations.isRevoked("recent-token-session", this.clock.instant().minus(Duration.ofMinutes(16))).block())
			.isFalse();
		assertThat(this.lookups).hasValue(1);
	}

	// While the mirror has never been polled (or is stale), the per-session lookups below are what answers.

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

		this.clock.advance(Duration.ofMillis(1001));

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

	private void mirrorPolledWith(String... revokedSessions) {
		long redisNow = 5_000_000_000L;
		List<String> reply = new ArrayList<>(List.of(Long.toString(redisNow)));
		for (String sessionId : revokedSessions) {
			reply.add(sessionId);
			reply.add(Long.toString(redisNow - 10));
		}
		this.mirror.polled(this.mirror.nextPoll(), reply);
	}

	private void answer(Mono<Boolean> answer) {
		given(this.redis.hasKey(anyString())).willReturn(answer);
	}

}
