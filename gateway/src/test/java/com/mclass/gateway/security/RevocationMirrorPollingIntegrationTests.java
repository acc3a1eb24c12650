package com.mclass.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import com.mclass.platform.test.Ports;
import com.mclass.platform.test.RedisServerAddress;
import com.mclass.platform.web.security.RevocationMirror;
import com.mclass.platform.web.security.RevocationMirror.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The gateway's mirror against a real Redis, without an application context: revocations written the way auth-service
 * writes them, polled reactively, answered by {@link SessionRevocations}.
 */
class RevocationMirrorPollingIntegrationTests {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

	private static final Duration CACHE_TTL = Duration.ofSeconds(1);

	private static LettuceConnectionFactory connections;

	private static LettuceConnectionFactory deadConnections;

	private static ReactiveStringRedisTemplate redis;

	private final List<RevocationMirrorPolling> pollings = new ArrayList<>();

	@BeforeAll
	static void connect() {
		RedisServerAddress address = RedisServerAddress.get();
		connections = connect(address.host(), address.port());
		deadConnections = connect("127.0.0.1", Ports.free());
		redis = new ReactiveStringRedisTemplate(connections);
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
		deadConnections.destroy();
	}

	@AfterEach
	void stopPolling() {
		this.pollings.forEach(RevocationMirrorPolling::stop);
	}

	@Test
	void aRevocationIsMirroredWithinAPollInterval() {
		RevocationMirror mirror = mirror();
		startPolling(mirror, redis);
		awaitCurrent(mirror);
		String sessionId = UUID.randomUUID().toString();
		assertThat(mirror.answer(sessionId)).isEqualTo(Answer.LIVE);

		long revokedAt = System.nanoTime();
		AuthServiceRevocations.revoke(redis, sessionId);
		await().atMost(CACHE_TTL).pollInterval(Duration.ofMillis(10)).until(() -> mirror.answer(sessionId) == Answer.REVOKED);

		// Printed rather than asserted: on a loaded two-core machine a poll can be late, the 1 s contract is what holds.
		System.out.printf("revocation mirrored after %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - revokedAt));
	}

	@Test
	void asksRedisNothingPerCheckWhileTheMirrorIsCurrent() {
		RevocationMirror mirror = mirror();
		startPolling(mirror, redis);
		ReactiveStringRedisTemplate lookups = mock(ReactiveStringRedisTemplate.class);
		SessionRevocations revocations = new SessionRevocations(mirror, lookups, CACHE_TTL, Clock.systemUTC());
		String revoked = UUID.randomUUID().toString();
		AuthServiceRevocations.revoke(redis, revoked);
		await().atMost(Duration.ofSeconds(5)).until(() -> mirror.answer(revoked) == Answer.REVOKED);

		long refused = 0;
		for (int i = 0; i < 20_000; i++) {
			if (revocations.isRevoked((i % 100 == 0) ? revoked : UUID.randomUUID().toString()).block()) {
				refused++;
			}
		}

		assertThat(refused).isEqualTo(200);
		verifyNoInteractions(lookups);
	}

	@Test
	void looksSessionsUpOnceStoppedPollingLeavesTheMirrorStale() throws InterruptedException {
		RevocationMirror mirror = mirror();
		RevocationMirrorPolling polling = startPolling(mirror, redis);
		SessionRevocations revocations = new SessionRevocations(mirror, redis, CACHE_TTL, Clock.systemUTC());
		awaitCurrent(mirror);

		polling.stop();
		assertThat(polling.isRunning()).isFalse();
		Thread.sleep(CACHE_TTL.toMillis());
		String sessionId = UUID.randomUUID().toString();
		AuthServiceRevocations.revoke(redis, sessionId);

		assertThat(revocations.isRevoked(sessionId).block()).isTrue();
		assertThat(mirror.answer(sessionId)).isEqualTo(Answer.UNKNOWN);
	}

	@Test
	void refusesToAnswerWhileRedisIsDownAndTheMirrorStale() throws InterruptedException {
		RevocationMirror mirror = mirror();
		ReactiveStringRedisTemplate dead = new ReactiveStringRedisTemplate(deadConnections);
		startPolling(mirror, dead);
		SessionRevocations revocations = new SessionRevocations(mirror, dead, CACHE_TTL, Clock.systemUTC());
		Thread.sleep(POLL_INTERVAL.toMillis() * 2);

		assertThat(mirror.answer("any")).isEqualTo(Answer.UNKNOWN);
		// AccessTokens turns this failure into a 503 (RedisOutageIntegrationTests).
		assertThatExceptionOfType(RedisConnectionFailureException.class)
			.isThrownBy(() -> revocations.isRevoked(UUID.randomUUID().toString()).block());
	}

	@Test
	void manyThreadsCheckingWhileSessionsAreRevokedNeverSeeARevocationLateOrAnInventedOne() throws Exception {
		RevocationMirror mirror = mirror();
		startPolling(mirror, redis);
		SessionRevocations revocations = new SessionRevocations(mirror, redis, CACHE_TTL, Clock.systemUTC());
		awaitCurrent(mirror);
		Clock clock = Clock.systemUTC();
		Map<String, Long> revokedAt = new ConcurrentHashMap<>();
		List<String> revoked = new CopyOnWriteArrayList<>();
		List<String> violations = new CopyOnWriteArrayList<>();
		AtomicBoolean revoking = new AtomicBoolean(true);
		AtomicLong checks = new AtomicLong();
		ExecutorService checkers = Executors.newFixedThreadPool(8);
		List<Future<?>> running = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			running.add(checkers.submit(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				while (revoking.get()) {
					checks.incrementAndGet();
					if (revoked.isEmpty() || random.nextBoolean()) {
						String live = UUID.randomUUID().toString();
						if (revocations.isRevoked(live).block(Duration.ofSeconds(5))) {
							violations.add("live session refused: " + live);
						}
						continue;
					}
					String sessionId = revoked.get(random.nextInt(revoked.size()));
					long checkedAt = clock.millis();
					// A logout must be refused within the cache TTL (a few ms of slack for clock granularity).
					if (!revocations.isRevoked(sessionId).block(Duration.ofSeconds(5))
							&& checkedAt > revokedAt.get(sessionId) + CACHE_TTL.toMillis() + 5) {
						violations.add("revoked session accepted " + (checkedAt - revokedAt.get(sessionId)) + " ms after");
					}
				}
			}));
		}

		for (int i = 0; i < 150; i++) {
			String sessionId = UUID.randomUUID().toString();
			AuthServiceRevocations.revoke(redis, sessionId);
			revokedAt.put(sessionId, clock.millis());
			revoked.add(sessionId);
			Thread.sleep(15);
		}
		Thread.sleep(CACHE_TTL.toMillis() + 200);
		revoking.set(false);
		for (Future<?> checker : running) {
			checker.get(30, TimeUnit.SECONDS);
		}
		checkers.shutdown();

		assertThat(violations).isEmpty();
		assertThat(checks.get()).isGreaterThan(1000);
		assertThat(revoked).allMatch((sessionId) -> revocations.isRevoked(sessionId).block());
	}

	private static RevocationMirror mirror() {
		return new RevocationMirror(Duration.ofMinutes(17), Duration.ofSeconds(5), CACHE_TTL, Clock.systemUTC());
	}

	private RevocationMirrorPolling startPolling(RevocationMirror mirror, ReactiveStringRedisTemplate template) {
		RevocationMirrorPolling polling = new RevocationMirrorPolling(mirror, template, POLL_INTERVAL, CACHE_TTL);
		this.pollings.add(polling);
		polling.start();
		return polling;
	}

	private static void awaitCurrent(RevocationMirror mirror) {
		await().atMost(Duration.ofSeconds(5)).until(() -> mirror.answer("probe") != Answer.UNKNOWN);
	}

	private static LettuceConnectionFactory connect(String host, int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
