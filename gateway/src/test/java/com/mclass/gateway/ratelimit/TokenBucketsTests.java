package com.mclass.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTests {

	private final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);

	private final TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Bucket(10, 20), 1, this.nanoTime::get);

	@Test
	void letsABurstThroughThenRefusesWithRetryAfterAndTheRemainingBudget() {
		for (int i = 19; i >= 0; i--) {
			Response allowed = take("user:a");
			assertThat(allowed.isAllowed()).isTrue();
			assertThat(allowed.getHeaders()).containsEntry("X-RateLimit-Remaining", Integer.toString(i))
				.containsEntry("X-RateLimit-Burst-Capacity", "20")
				.containsEntry("X-RateLimit-Replenish-Rate", "10")
				.doesNotContainKey("Retry-After");
		}

		Response refused = take("user:a");

		assertThat(refused.isAllowed()).isFalse();
		assertThat(refused.getHeaders()).containsEntry("Retry-After", "1").containsEntry("X-RateLimit-Remaining", "0");
	}

	@Test
	void refillsAtTheReplenishRate() {
		drain("user:b");

		this.nanoTime.addAndGet(99_000_000L); // 0.099 s: not yet one token at 10/s
		assertThat(take("user:b").isAllowed()).isFalse();
		this.nanoTime.addAndGet(1_000_000L);
		assertThat(take("user:b").isAllowed()).isTrue();
		assertThat(take("user:b").isAllowed()).isFalse();

		this.nanoTime.addAndGet(3_600_000_000_000L); // an hour: full, never more than the burst
		assertThat(drain("user:b")).isEqualTo(20);
	}

	@Test
	void countsEachKeyAndEachRouteSeparately() {
		drain("user:c");

		assertThat(take("user:d").isAllowed()).isTrue();
		assertThat(this.buckets.isAllowed("other-route", "user:c").block().isAllowed()).isTrue();
	}

	@Test
	void enforcesItsShareOfTheLimitsWhenSeveralReplicasShareTheTraffic() {
		TokenBuckets oneOfThree = new TokenBuckets(new RateLimitProperties.Bucket(10, 20), 3, this.nanoTime::get);

		assertThat(oneOfThree.replenishRate()).isEqualTo(4);
		assertThat(oneOfThree.burstCapacity()).isEqualTo(7);
		int allowed = 0;
		while (oneOfThree.isAllowed("route", "ip:192.0.2.1").block().isAllowed()) {
			allowed++;
		}
		assertThat(allowed).isEqualTo(7);
		// Never below one request per second, however many replicas.
		TokenBuckets oneOfFifty = new TokenBuckets(new RateLimitProperties.Bucket(10, 20), 50, this.nanoTime::get);
		assertThat(oneOfFifty.replenishRate()).isEqualTo(1);
		assertThat(oneOfFifty.burstCapacity()).isEqualTo(1);
	}

	@Test
	void neverLetsMoreThanTheBurstThroughUnderConcurrentRequests() throws Exception {
		TokenBuckets large = new TokenBuckets(new RateLimitProperties.Bucket(100, 1000), 1, this.nanoTime::get);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> workers = new ArrayList<>();
		for (int worker = 0; worker < 8; worker++) {
			workers.add(threads.submit(() -> {
				start.await();
				int allowed = 0;
				for (int i = 0; i < 500; i++) {
					if (large.isAllowed("route", "user:hammered").block().isAllowed()) {
						allowed++;
					}
				}
				return allowed;
			}));
		}
		start.countDown();
		int allowed = 0;
		for (Future<Integer> worker : workers) {
			allowed += worker.get(30, TimeUnit.SECONDS);
		}
		threads.shutdown();

		// The clock stands still: exactly the burst of 1,000 out of 4,000 attempts.
		assertThat(allowed).isEqualTo(1000);
	}

	private Response take(String key) {
		return this.buckets.isAllowed("route", key).block();
	}

	private int drain(String key) {
		int allowed = 0;
		while (take(key).isAllowed()) {
			allowed++;
		}
		return allowed;
	}

}
