package com.mclass.platform.web.security;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import com.mclass.platform.test.Ports;
import com.mclass.platform.test.RedisServerAddress;
import com.mclass.platform.web.security.RevocationMirror.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The servlet side's mirror against a real Redis, without an application context: revocations written the way
 * auth-service writes them, polled by {@link RevocationMirrorPolling}, answered by {@link MirroredRevokedSessions}.
 */
class RevocationMirrorPollingIntegrationTests {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

	private static final Duration CACHE_TTL = Duration.ofSeconds(1);

	/** What auth-service's END script does to list a session (its copy is tested in auth-service). */
	private static final RedisScript<Long> REVOKE = new DefaultRedisScript<>("""
			redis.call('SET', KEYS[1], 'logout', 'PX', ARGV[2])
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			redis.call('ZADD', KEYS[2], string.format('%.0f', now - tonumber(ARGV[3])), ARGV[1])
			return 1
			""", Long.class);

	private static LettuceConnectionFactory connections;

	private static LettuceConnectionFactory deadConnections;

	private final List<RevocationMirrorPolling> pollings = new ArrayList<>();

	@BeforeAll
	static void connect() {
		RedisServerAddress address = RedisServerAddress.get();
		connections = connect(address.host(), address.port());
		deadConnections = connect("127.0.0.1", Ports.free());
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
		RevocationMirror mirror = mirror(Duration.ofMinutes(17));
		startPolling(mirror, commandsCounted(new AtomicInteger()));
		awaitCurrent(mirror);
		String sessionId = UUID.randomUUID().toString();
		assertThat(mirror.answer(sessionId)).isEqualTo(Answer.LIVE);

		long revokedAt = System.nanoTime();
		revoke(sessionId);
		await().atMost(CACHE_TTL).pollInterval(Duration.ofMillis(10)).until(() -> mirror.answer(sessionId) == Answer.REVOKED);

		// Printed rather than asserted: on a loaded two-core machine a poll can be late, the 1 s contract is what holds.
		System.out.printf("revocation mirrored after %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - revokedAt));
	}

	@Test
	void asksRedisNothingPerCheckWhileTheMirrorIsCurrent() {
		AtomicInteger pollCommands = new AtomicInteger();
		AtomicInteger lookupCommands = new AtomicInteger();
		RevocationMirror mirror = mirror(Duration.ofMinutes(17));
		startPolling(mirror, commandsCounted(pollCommands));
		RevokedSessions revokedSessions = mirrored(mirror, commandsCounted(lookupCommands));
		String revoked = UUID.randomUUID().toString();
		revoke(revoked);
		await().atMost(Duration.ofSeconds(5)).until(() -> mirror.answer(revoked) == Answer.REVOKED);
		int pollsBefore = pollCommands.get();

		long refused = 0;
		for (int i = 0; i < 20_000; i++) {
			if (revokedSessions.isRevoked((i % 100 == 0) ? revoked : UUID.randomUUID().toString())) {
				refused++;
			}
		}
		int polls = pollCommands.get() - pollsBefore;

		assertThat(refused).isEqualTo(200);
		assertThat(lookupCommands).as("per-session lookups").hasValue(0);
		assertThat(polls).as("polls do not follow the number of checks").isLessThan(100);
	}

	@Test
	void looksSessionsUpOnceTheMirrorIsStale() throws InterruptedException {
		AtomicInteger lookupCommands = new AtomicInteger();
		RevocationMirror mirror = mirror(Duration.ofMinutes(17));
		RevocationMirrorPolling polling = startPolling(mirror, commandsCounted(new AtomicInteger()));
		RevokedSessions revokedSessions = mirrored(mirror, commandsCounted(lookupCommands));
		awaitCurrent(mirror);

		polling.stop();
		Thread.sleep(CACHE_TTL.toMillis());
		String sessionId = UUID.randomUUID().toString();
		revoke(sessionId);

		assertThat(revokedSessions.isRevoked(sessionId)).isTrue();
		assertThat(revokedSessions.isRevoked(UUID.randomUUID().toString())).isFalse();
		assertThat(lookupCommands).hasValue(2);
		assertThat(mirror.unansweredCount()).isEqualTo(2);
	}

	@Test
	void refusesEverySessionWhileRedisIsDownAndTheMirrorStale() throws InterruptedException {
		RevocationMirror mirror = mirror(Duration.ofMinutes(17));
		StringRedisTemplate dead = template(deadConnections);
		startPolling(mirror, dead);
		RevokedSessions revokedSessions = mirrored(mirror, dead);
		Thread.sleep(POLL_INTERVAL.toMillis() * 2);

		assertThat(mirror.answer("any")).isEqualTo(Answer.UNKNOWN);
		// refused as "try again" (503), with Redis' failure as the cause
		assertThatExceptionOfType(RevocationCheckUnavailableException.class)
			.isThrownBy(() -> revokedSessions.isRevoked(UUID.randomUUID().toString()))
			.withCauseInstanceOf(RedisConnectionFailureException.class);
	}

	@Test
	void forgetsRevocationsOnceTheyLeaveTheWindow() {
		Duration window = Duration.ofSeconds(3);
		RevocationMirror mirror = mirror(window);
		String alreadyOutside = UUID.randomUUID().toString();
		revoke(alreadyOutside, Duration.ofSeconds(4));
		String leavingSoon = UUID.randomUUID().toString();
		revoke(leavingSoon, Duration.ofMillis(1500));
		startPolling(mirror, commandsCounted(new AtomicInteger()));

		await().atMost(Duration.ofSeconds(5)).until(() -> mirror.answer(leavingSoon) == Answer.REVOKED);
		assertThat(mirror.answer(alreadyOutside)).isEqualTo(Answer.LIVE);

		await().atMost(Duration.ofSeconds(5)).until(() -> mirror.answer(leavingSoon) == Answer.LIVE);
		assertThat(mirror.size()).isZero();
	}

	@Test
	void manyThreadsCheckingWhileSessionsAreRevokedNeverSeeARevocationLateOrAnInventedOne() throws Exception {
		RevocationMirror mirror = mirror(Duration.ofMinutes(17));
		startPolling(mirror, commandsCounted(new AtomicInteger()));
		RevokedSessions revokedSessions = mirrored(mirror, commandsCounted(new AtomicInteger()));
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
						if (revokedSessions.isRevoked(live)) {
							violations.add("live session refused: " + live);
						}
						continue;
					}
					String sessionId = revoked.get(random.nextInt(revoked.size()));
					long checkedAt = clock.millis();
					// A logout must be refused within the cache TTL (a few ms of slack for clock granularity).
					if (!revokedSessions.isRevoked(sessionId) && checkedAt > revokedAt.get(sessionId) + CACHE_TTL.toMillis() + 5) {
						violations.add("revoked session accepted " + (checkedAt - revokedAt.get(sessionId)) + " ms after");
					}
				}
			}));
		}

		for (int i = 0; i < 150; i++) {
			String sessionId = UUID.randomUUID().toString();
			revoke(sessionId);
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
		assertThat(revoked).allMatch(revokedSessions::isRevoked);
	}

	private RevocationMirror mirror(Duration window) {
		return new RevocationMirror(window, Duration.ofSeconds(5), CACHE_TTL, Clock.systemUTC());
	}

	private RevocationMirrorPolling startPolling(RevocationMirror mirror, StringRedisTemplate redis) {
		RevocationMirrorPolling polling = new RevocationMirrorPolling(mirror, redis, POLL_INTERVAL);
		this.pollings.add(polling);
		polling.start();
		return polling;
	}

	private static RevokedSessions mirrored(RevocationMirror mirror, StringRedisTemplate redis) {
		return new MirroredRevokedSessions(mirror, new RedisRevokedSessions(redis, CACHE_TTL, Clock.systemUTC()));
	}

	private static void awaitCurrent(RevocationMirror mirror) {
		await().atMost(Duration.ofSeconds(5)).until(() -> mirror.answer("probe") != Answer.UNKNOWN);
	}

	private static void revoke(String sessionId) {
		revoke(sessionId, Duration.ZERO);
	}

	/** Lists {@code sessionId} as auth-service does, as if it had been revoked {@code ago}. */
	private static void revoke(String sessionId, Duration ago) {
		template(connections).execute(REVOKE, List.of(RevokedSessions.redisKey(sessionId), RevokedSessions.REVOCATIONS_KEY),
				sessionId, "60000", Long.toString(ago.toMillis()));
	}

	/** Every Redis command, scripts included, goes through this one method of the template. */
	private static StringRedisTemplate commandsCounted(AtomicInteger commands) {
		StringRedisTemplate template = new StringRedisTemplate(connections) {
			@Override
			public <T> T execute(RedisCallback<T> action, boolean exposeConnection, boolean pipeline) {
				commands.incrementAndGet();
				return super.execute(action, exposeConnection, pipeline);
			}
		};
		template.afterPropertiesSet();
		return template;
	}

	private static StringRedisTemplate template(LettuceConnectionFactory factory) {
		return new StringRedisTemplate(factory);
	}

	private static LettuceConnectionFactory connect(String host, int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
