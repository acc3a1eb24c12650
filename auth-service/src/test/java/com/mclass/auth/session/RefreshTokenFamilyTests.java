package com.mclass.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.mclass.auth.session.RefreshTokens.Rotation.Outcome;
import com.mclass.platform.test.MutableClock;
import com.mclass.platform.test.RedisServerAddress;
import com.mclass.platform.web.security.RevocationMirror;
import com.mclass.platform.web.security.RevokedSessions;

import static org.assertj.core.api.Assertions.assertThat;

/** The family rules, straight against Redis (the Lua scripts are the logic), without an application context. */
class RefreshTokenFamilyTests {

	private static LettuceConnectionFactory connections;

	private static StringRedisTemplate redis;

	private final MutableClock clock = new MutableClock(Instant.now());

	private RefreshTokens tokens;

	@BeforeAll
	static void connect() {
		RedisServerAddress address = RedisServerAddress.get();
		connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(address.host(), address.port()));
		connections.afterPropertiesSet();
		connections.start();
		redis = new StringRedisTemplate(connections);
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@BeforeEach
	void newTokens() {
		this.tokens = new RefreshTokens(redis, this.clock, Duration.ofDays(7), Duration.ofMinutes(17));
	}

	@Test
	void rotationKeepsTheSessionAndReplacesTheToken() {
		UUID user = UUID.randomUUID();
		RefreshTokens.Started started = this.tokens.start(user);

		RefreshTokens.Rotation first = this.tokens.rotate(started.refreshToken());
		RefreshTokens.Rotation second = this.tokens.rotate(first.nextToken());

		assertThat(first.outcome()).isEqualTo(Outcome.ROTATED);
		assertThat(first.sessionId()).isEqualTo(started.sessionId());
		assertThat(first.userId()).isEqualTo(user);
		assertThat(first.nextToken()).isNotEqualTo(started.refreshToken()).hasSize(43);
		assertThat(second.outcome()).isEqualTo(Outcome.ROTATED);
		assertThat(second.sessionId()).isEqualTo(started.sessionId());
	}

	@Test
	void reusingAUsedTokenEndsTheWholeFamilyAndItsAccessTokens() {
		RefreshTokens.Started started = this.tokens.start(UUID.randomUUID());
		RefreshTokens.Rotation legitimate = this.tokens.rotate(started.refreshToken());

		RefreshTokens.Rotation replay = this.tokens.rotate(started.refreshToken());

		assertThat(replay.outcome()).isEqualTo(Outcome.REUSED);
		assertThat(replay.sessionId()).isEqualTo(started.sessionId());
		assertThat(this.tokens.rotate(legitimate.nextToken()).outcome()).isEqualTo(Outcome.ENDED);
		String revoked = RevokedSessions.redisKey(started.sessionId());
		assertThat(redis.hasKey(revoked)).isTrue();
		assertThat(redis.getExpire(revoked, TimeUnit.SECONDS)).isBetween(16 * 60L, 17 * 60L);
	}

	@Test
	void anEndedSessionRefusesEvenItsCurrentToken() {
		RefreshTokens.Started started = this.tokens.start(UUID.randomUUID());

		this.tokens.end(started.sessionId(), "logout");

		assertThat(this.tokens.rotate(started.refreshToken()).outcome()).isEqualTo(Outcome.ENDED);
		assertThat(redis.opsForValue().get(RevokedSessions.redisKey(started.sessionId()))).isEqualTo("logout");
	}

	@Test
	void anEndedSessionJoinsTheRevocationsResourceServersMirrorScoredByRedisClock() {
		RefreshTokens.Started started = this.tokens.start(UUID.randomUUID());
		long before = redisNow();

		this.tokens.end(started.sessionId(), "logout");

		assertThat(redis.opsForZSet().score(RevokedSessions.REVOCATIONS_KEY, started.sessionId()))
			.isBetween((double) before, (double) redisNow());
		assertThat(redis.getExpire(RevokedSessions.REVOCATIONS_KEY, TimeUnit.SECONDS))
			.as("the set outlives its newest entry by the revoked-key TTL")
			.isBetween(16 * 60L, 17 * 60L);
	}

	@Test
	void aReusedTokenListsItsSessionInTheRevocationsToo() {
		RefreshTokens.Started started = this.tokens.start(UUID.randomUUID());
		this.tokens.rotate(started.refreshToken());

		this.tokens.rotate(started.refreshToken());

		assertThat(redis.opsForZSet().score(RevokedSessions.REVOCATIONS_KEY, started.sessionId())).isNotNull();
	}

	@Test
	void revocationsOlderThanTheRevokedKeyTtlAreTrimmedAtTheNextOne() {
		String expired = "expired-" + UUID.randomUUID();
		String recent = "recent-" + UUID.randomUUID();
		long now = redisNow();
		redis.opsForZSet().add(RevokedSessions.REVOCATIONS_KEY, expired, now - Duration.ofMinutes(18).toMillis());
		redis.opsForZSet().add(RevokedSessions.REVOCATIONS_KEY, recent, now - Duration.ofMinutes(16).toMillis());

		this.tokens.end(this.tokens.start(UUID.randomUUID()).sessionId(), "logout");

		assertThat(redis.opsForZSet().score(RevokedSessions.REVOCATIONS_KEY, expired)).isNull();
		assertThat(redis.opsForZSet().score(RevokedSessions.REVOCATIONS_KEY, recent)).isNotNull();
		redis.opsForZSet().remove(RevokedSessions.REVOCATIONS_KEY, recent);
	}

	@Test
	void aResourceServersMirrorSeesTheEndedSessionAtItsNextPoll() {
		RevocationMirror mirror = new RevocationMirror(Duration.ofMinutes(17), Duration.ofSeconds(5),
				Duration.ofSeconds(1), Clock.systemUTC());
		pollOnce(mirror);
		RefreshTokens.Started started = this.tokens.start(UUID.randomUUID());
		assertThat(mirror.answer(started.sessionId())).isEqualTo(RevocationMirror.Answer.LIVE);

		this.tokens.end(started.sessionId(), "logout");
		pollOnce(mirror);

		assertThat(mirror.answer(started.sessionId())).isEqualTo(RevocationMirror.Answer.REVOKED);
	}

	@Test
	void theFamilyExpiresSevenDaysAfterLoginHoweverOftenItRotates() {
		RefreshTokens.Started started = this.tokens.start(UUID.randomUUID());
		this.clock.advance(Duration.ofDays(6));
		RefreshTokens.Rotation late = this.tokens.rotate(started.refreshToken());
		assertThat(late.outcome()).isEqualTo(Outcome.ROTATED);
		Long ttl = redis.getExpire(RefreshTokens.TOKEN_PREFIX + RefreshTokens.hash(late.nextToken()), TimeUnit.HOURS);
		assertThat(ttl).as("the new token lives only as long as its family").isLessThanOrEqualTo(24L);

		this.clock.advance(Duration.ofDays(1).plusSeconds(1));

		assertThat(this.tokens.rotate(late.nextToken()).outcome()).isEqualTo(Outcome.ENDED);
	}

	@Test
	void unknownTokensAreRefused() {
		assertThat(this.tokens.rotate("never-issued").outcome()).isEqualTo(Outcome.UNKNOWN);
	}

	@Test
	void onlyHashesOfTokensAreStored() {
		RefreshTokens.Started started = this.tokens.start(UUID.randomUUID());
		assertThat(redis.hasKey(RefreshTokens.TOKEN_PREFIX + started.refreshToken())).isFalse();
		assertThat(redis.hasKey(RefreshTokens.TOKEN_PREFIX + RefreshTokens.hash(started.refreshToken()))).isTrue();
		assertThat(redis.opsForHash().values(RefreshTokens.SESSION_PREFIX + started.sessionId())).doesNotContain(started.refreshToken());
	}

	@Test
	void concurrentRefreshesWithOneTokenLeaveOneWinnerAndEndTheFamily() throws Exception {
		RefreshTokens.Started started = this.tokens.start(UUID.randomUUID());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<RefreshTokens.Rotation>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			results.add(pool.submit(() -> {
				go.await();
				return this.tokens.rotate(started.refreshToken());
			}));
		}
		go.countDown();
		List<Outcome> outcomes = new ArrayList<>();
		for (Future<RefreshTokens.Rotation> result : results) {
			outcomes.add(result.get(10, TimeUnit.SECONDS).outcome());
		}
		pool.shutdown();
		assertThat(outcomes).containsOnlyOnce(Outcome.ROTATED);
		assertThat(outcomes).filteredOn((outcome) -> outcome != Outcome.ROTATED).containsOnly(Outcome.REUSED);
	}

	private static long redisNow() {
		return redis.execute((RedisCallback<Long>) (connection) -> connection.serverCommands().time());
	}

	private static void pollOnce(RevocationMirror mirror) {
		RevocationMirror.Poll poll = mirror.nextPoll();
		mirror.polled(poll, redis.execute(RevocationMirror.POLL, poll.keys(), poll.args().toArray()));
	}

}
