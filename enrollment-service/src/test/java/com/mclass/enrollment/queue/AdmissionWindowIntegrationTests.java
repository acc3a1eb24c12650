package com.mclass.enrollment.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.mclass.enrollment.EnrollmentIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admission rules with settings of their own (a small window, a short admission TTL, auto-activation on), on the
 * real Redis: several "replicas" (WaitingRoom instances) admitting the same line at once.
 */
class AdmissionWindowIntegrationTests extends EnrollmentIntegrationTest {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JdbcClient jdbcClient;

	private final String prefix = "mclass:test:queue:" + UUID.randomUUID() + ":";

	private WaitingRoom replica(int rate, int window, Duration ttl, Duration autoHold) {
		return new WaitingRoom(this.redis, new QueueProperties(rate, window, ttl, autoHold, Duration.ofMillis(200),
				Duration.ofSeconds(1), Duration.ofHours(1), this.prefix), new RushProtection(this.jdbcClient), Clock.systemUTC());
	}

	@Test
	void anUnusedAdmissionExpiresAndTheNextInLineIsAdmitted() {
		WaitingRoom room = replica(100, 2, Duration.ofMillis(1500), Duration.ZERO);
		UUID classId = UUID.randomUUID();
		List<UUID> students = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		List<QueuePlace> places = new ArrayList<>();
		for (UUID student : students) {
			places.add(room.issue(classId, student).place());
		}
		assertThat(places.get(0).admitted()).isTrue();
		assertThat(places.get(1).admitted()).isTrue();
		QueuePlace third = places.get(2);
		assertThat(third.admitted()).as("the window holds two").isFalse();
		assertThat(third.position()).isEqualTo(1);
		assertThat(third.aheadOfYou()).isZero();

		// Nobody uses their admission: both lapse, and the third is admitted.
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
			room.admit(classId);
			return room.read(classId, third.ticket(), students.get(2)).admitted();
		});
		assertThat(room.guard(classId, students.get(0), places.get(0).ticket()).kind()).isEqualTo(WaitingRoom.Verdict.Kind.OPEN)
			.as("the room is not protected and auto is off: no ticket needed");
	}

	@Test
	void aUsedAdmissionFreesItsSlotAtOnce() {
		WaitingRoom room = replica(100, 1, Duration.ofMinutes(1), Duration.ZERO);
		UUID classId = UUID.randomUUID();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		String ticket = room.issue(classId, first).place().ticket();
		assertThat(room.issue(classId, second).place().admitted()).isFalse();
		room.used(classId, ticket);
		room.admit(classId);
		assertThat(room.issue(classId, second).place().admitted()).isTrue();
	}

	@Test
	void arrivalsAboveTheRateSwitchTheRoomOnAndItAdmitsInOrder() throws Exception {
		WaitingRoom room = replica(5, 5, Duration.ofMinutes(1), Duration.ofSeconds(5));
		UUID classId = UUID.randomUUID();
		List<WaitingRoom.Verdict.Kind> verdicts = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			verdicts.add(room.guard(classId, UUID.randomUUID(), null).kind());
		}
		assertThat(verdicts).contains(WaitingRoom.Verdict.Kind.REQUIRED);
		assertThat(room.isActive(classId)).isTrue();

		// Three replicas admit the same line concurrently: never twice, never out of order.
		List<WaitingRoom> replicas = List.of(room, replica(5, 5, Duration.ofMinutes(1), Duration.ofSeconds(5)),
				replica(5, 5, Duration.ofMinutes(1), Duration.ofSeconds(5)));
		for (int i = 0; i < 40; i++) {
			room.issue(classId, UUID.randomUUID());
		}
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (WaitingRoom replica : replicas) {
				running.add(pool.submit(() -> {
					long until = System.currentTimeMillis() + 10_000;
					while (System.currentTimeMillis() < until && replica.admissions(classId, null, 1000).size() < 40) {
						replica.admit(classId);
						for (WaitingRoom.Admission admission : replica.admissions(classId, null, 1000)) {
							room.used(classId, admission.ticket());
						}
					}
					return null;
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<WaitingRoom.Admission> log = room.admissions(classId, null, 1000);
		assertThat(log).hasSize(40);
		for (int i = 0; i < log.size(); i++) {
			assertThat(log.get(i).seq()).isEqualTo(i + 1);
		}
		// 40 admissions at 5/s (a bucket of 5 to start with) take at least 7 s on Redis' clock.
		assertThat(Duration.between(log.get(0).at(), log.get(39).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
	}

}
