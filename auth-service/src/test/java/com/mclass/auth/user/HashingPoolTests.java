package com.mclass.auth.user;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class HashingPoolTests {

	@Test
	void runsWorkOnThePoolAndHandsBackItsResult() {
		try (HashingPool pool = new HashingPool(1, 1, Duration.ofSeconds(1))) {
			assertThat(pool.run(() -> Thread.currentThread().getName())).startsWith("bcrypt-");
		}
	}

	@Test
	void workThatCannotStartInTimeIsRefusedAndNeverRuns() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger ran = new AtomicInteger();
		try (HashingPool pool = new HashingPool(1, 4, Duration.ofMillis(300))) {
			Thread busy = new Thread(() -> pool.run(() -> waitFor(release)));
			busy.start();
			await().atMost(Duration.ofSeconds(2)).until(() -> pool.active() == 1);

			long start = System.nanoTime();
			assertThatExceptionOfType(HashingPool.Busy.class).isThrownBy(() -> pool.run(ran::incrementAndGet))
				.satisfies((busyAnswer) -> assertThat(busyAnswer.errorCode().httpStatus()).isEqualTo(503));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
			assertThat(pool.queued()).as("the abandoned work left the queue").isZero();

			release.countDown();
			busy.join(5_000);
			assertThat(pool.run(() -> "free again")).isEqualTo("free again");
			assertThat(ran).hasValue(0);
		}
	}

	@Test
	void aFullQueueIsRefusedAtOnce() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (HashingPool pool = new HashingPool(1, 1, Duration.ofSeconds(10))) {
			Thread running = new Thread(() -> pool.run(() -> waitFor(release)));
			running.start();
			await().atMost(Duration.ofSeconds(2)).until(() -> pool.active() == 1);
			Thread queued = new Thread(() -> pool.run(() -> true));
			queued.start();
			await().atMost(Duration.ofSeconds(2)).until(() -> pool.queued() == 1);

			long start = System.nanoTime();
			assertThatExceptionOfType(HashingPool.Busy.class).isThrownBy(() -> pool.run(() -> true));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));

			release.countDown();
			running.join(5_000);
			queued.join(5_000);
		}
	}

	private static boolean waitFor(CountDownLatch latch) {
		try {
			return latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
