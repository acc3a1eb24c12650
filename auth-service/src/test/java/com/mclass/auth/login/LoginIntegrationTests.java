package com.mclass.auth.login;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.auth.AuthApi;
import com.mclass.auth.AuthServiceIntegrationTest;
import com.mclass.auth.user.HashingPool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Login and its throttling. Throttle settings are shortened for tests (see {@link AuthServiceIntegrationTest}):
 * 5 failures per account and client, 10 per account from everywhere, 8 per address, locks of 2 s doubling up to
 * 4 s. Every test sends its own {@code X-Forwarded-For} address from a /64 of its own (the test client is a trusted
 * loopback proxy; IPv6 clients count by their /64), so address counters never mix.
 */
@AuthServiceIntegrationTest
class LoginIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	HashingPool hashingPool;

	AuthApi api;

	String address;

	@BeforeEach
	void client() {
		this.api = new AuthApi(this.port);
		this.address = randomClient() + "1";
	}

	@Test
	void logsInWithTheRegisteredPasswordAndAnyCaseOfTheEmail() {
		String email = AuthApi.uniqueEmail("login");
		this.api.register(email);

		AuthApi.Response response = login("  " + email.toUpperCase() + " ", AuthApi.PASSWORD);

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.data().path("user").path("email").asString()).isEqualTo(email);
		assertThat(response.data().path("refreshToken").asString()).isNotBlank();
	}

	@Test
	void wrongPasswordAndUnknownEmailAnswerExactlyAlike() {
		String email = AuthApi.uniqueEmail("alike");
		this.api.register(email);

		AuthApi.Response wrongPassword = login(email, "not the password at all");
		AuthApi.Response unknownEmail = login(AuthApi.uniqueEmail("nobody"), "not the password at all");

		wrongPassword.assertError(401, "INVALID_CREDENTIALS");
		assertThat(unknownEmail.status()).isEqualTo(wrongPassword.status());
		assertThat(unknownEmail.text()).isEqualTo(wrongPassword.text());
	}

	@Test
	void failuresFromOneClientDoNotLockTheOwnerOutFromAnother() {
		String email = AuthApi.uniqueEmail("victim");
		this.api.register(email);
		String attacker = randomClient() + "66";
		for (int i = 0; i < 7; i++) {
			loginFrom(attacker, email, "rival's guess " + i);
		}
		loginFrom(attacker, email, AuthApi.PASSWORD).assertError(429, "RATE_LIMITED");

		AuthApi.Response owner = login(email, AuthApi.PASSWORD);

		assertThat(owner.status()).as(owner.text()).isEqualTo(200);
	}

	@Test
	void anAccountAttackedFromManyAddressesGivesEachFailingClientOneTryButLetsACleanClientIn() {
		String email = AuthApi.uniqueEmail("botnet");
		this.api.register(email);
		// 10 failures (the account-wide limit in tests) from five addresses, two each: no client reached its own limit.
		for (int bot = 0; bot < 5; bot++) {
			String client = randomClient() + "1";
			loginFrom(client, email, "guess a" + bot).assertError(401, "INVALID_CREDENTIALS");
			loginFrom(client, email, "guess b" + bot).assertError(401, "INVALID_CREDENTIALS");
		}
		String nextBot = randomClient() + "1";

		loginFrom(nextBot, email, "guess c").assertError(401, "INVALID_CREDENTIALS");
		AuthApi.Response second = loginFrom(nextBot, email, "guess d");

		second.assertError(429, "RATE_LIMITED");
		assertThat(Integer.parseInt(second.header("Retry-After"))).isBetween(1, 2);
		AuthApi.Response owner = login(email, AuthApi.PASSWORD);
		assertThat(owner.status()).as(owner.text()).isEqualTo(200);
	}

	@Test
	void parallelGuessesReserveTheirAttemptSoNoneBeyondTheLimitIsHashed() throws Exception {
		String email = AuthApi.uniqueEmail("race");
		this.api.register(email);
		for (int i = 0; i < 4; i++) {
			login(email, "wrong " + i).assertError(401, "INVALID_CREDENTIALS");
		}

		List<Integer> statuses = parallel(15, () -> login(email, "parallel guess").status());

		// One attempt was left before the lock: exactly one guess was checked (401), every other was refused unhashed.
		assertThat(statuses).containsOnly(401, 429);
		assertThat(statuses).filteredOn((status) -> status == 401).hasSize(1);
		List<Integer> whileLocked = parallel(15, () -> login(email, "another guess").status());
		assertThat(whileLocked).containsOnly(429);
	}

	@Test
	void theAddressesOfOneIpv6SlashSixtyFourCountAsOneClient() {
		String email = AuthApi.uniqueEmail("ipv6");
		this.api.register(email);
		String prefix = randomClient();
		for (int i = 1; i <= 5; i++) {
			// a new privacy address for each guess
			loginFrom(prefix + Integer.toHexString(i * 4099), email, "wrong " + i).assertError(401, "INVALID_CREDENTIALS");
		}

		loginFrom(prefix + "beef", email, AuthApi.PASSWORD).assertError(429, "RATE_LIMITED");
		assertThat(loginFrom(randomClient() + "beef", email, AuthApi.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void aSignInThatCannotStartHashingWithinTheTimeoutIsAnswered503AtOnceWithRetryAfter() throws Exception {
		String email = AuthApi.uniqueEmail("busy");
		this.api.register(email);
		CountDownLatch release = new CountDownLatch(1);
		List<Thread> blockers = new ArrayList<>();
		for (int i = 0; i < this.hashingPool.threads(); i++) {
			Thread blocker = new Thread(() -> this.hashingPool.run(() -> {
				try {
					return release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}));
			blocker.start();
			blockers.add(blocker);
		}
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> this.hashingPool.active() == this.hashingPool.threads());
			long start = System.nanoTime();
			AuthApi.Response busy = login(email, AuthApi.PASSWORD);
			long millis = (System.nanoTime() - start) / 1_000_000;

			long timeout = this.hashingPool.startTimeout().toMillis();
			busy.assertError(503, "SERVICE_UNAVAILABLE");
			assertThat(busy.header("Retry-After")).isEqualTo(Long.toString(this.hashingPool.startTimeout().toSeconds()));
			assertThat(millis).as("answered once the start timeout passed, not left hanging").isBetween(timeout - 100, timeout + 3_000);
		}
		finally {
			release.countDown();
			for (Thread blocker : blockers) {
				blocker.join(10_000);
			}
		}
		// The refused attempt did not count against the account: five failures still pass through to a 401.
		for (int i = 0; i < 4; i++) {
			login(email, "wrong " + i).assertError(401, "INVALID_CREDENTIALS");
		}
		assertThat(login(email, AuthApi.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void locksAnAccountAfterFiveFailuresAndUnlocksAfterTheLock() {
		String email = AuthApi.uniqueEmail("throttled");
		this.api.register(email);
		for (int i = 0; i < 5; i++) {
			login(email, "wrong password " + i).assertError(401, "INVALID_CREDENTIALS");
		}

		AuthApi.Response locked = login(email, "wrong password again");
		locked.assertError(429, "RATE_LIMITED");
		assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 2);
		// While locked even the right password waits: the attacker learns nothing from a late success.
		login(email, AuthApi.PASSWORD).assertError(429, "RATE_LIMITED");

		await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(250)).until(() -> login(email, AuthApi.PASSWORD).status() == 200);
		// Success cleared the count: one more mistake is an ordinary 401, not a lock.
		login(email, "wrong password after success").assertError(401, "INVALID_CREDENTIALS");
	}

	@Test
	void lockDoublesWithEachFurtherFailureButNeverBeyondTheCap() {
		String email = AuthApi.uniqueEmail("escalating");
		this.api.register(email);
		for (int i = 0; i < 5; i++) {
			login(email, "wrong " + i);
		}
		assertThat(Integer.parseInt(login(email, "wrong").header("Retry-After"))).isBetween(1, 2);
		await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200)).until(() -> login(email, "wrong again").status() == 401);

		AuthApi.Response longer = login(email, "still wrong");

		longer.assertError(429, "RATE_LIMITED");
		// 2 s doubled to 4 s, which is also the cap.
		assertThat(Integer.parseInt(longer.header("Retry-After"))).isBetween(3, 4);
	}

	@Test
	void throttlesAnAddressThatTriesManyAccounts() {
		for (int i = 0; i < 8; i++) {
			login(AuthApi.uniqueEmail("spray"), "Summer2024!").assertError(401, "INVALID_CREDENTIALS");
		}
		login(AuthApi.uniqueEmail("spray"), "Summer2024!").assertError(429, "RATE_LIMITED");
		// Another address is not affected.
		AuthApi.Response elsewhere = loginFrom(randomClient() + "1", AuthApi.uniqueEmail("spray"), "x");
		elsewhere.assertError(401, "INVALID_CREDENTIALS");
	}

	/** Prints login latency; informational (bcrypt at the tests' cost 6), with a loose bound so a hang still fails. */
	@Test
	void measuresLoginLatency() {
		String email = AuthApi.uniqueEmail("bench");
		this.api.register(email);
		login(email, AuthApi.PASSWORD); // warm-up
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			long start = System.nanoTime();
			AuthApi.Response response = login(email, AuthApi.PASSWORD);
			millis.add((System.nanoTime() - start) / 1_000_000);
			assertThat(response.status()).isEqualTo(200);
		}
		Collections.sort(millis);
		long p50 = millis.get(millis.size() / 2);
		long p95 = millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
		System.out.printf("login latency over %d sequential logins: p50 %d ms, p95 %d ms, max %d ms%n", millis.size(), p50, p95,
				millis.get(millis.size() - 1));
		assertThat(p50).isLessThan(3000);
	}

	private AuthApi.Response login(String email, String password) {
		return loginFrom(this.address, email, password);
	}

	private AuthApi.Response loginFrom(String address, String email, String password) {
		return this.api.post("/api/auth/login", Map.of("email", email, "password", password), Map.of("X-Forwarded-For", address));
	}

	/** {@code 2001:db8:xxxx:yyyy::}: a /64 of its own, to append an interface id to. */
	private static String randomClient() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "2001:db8:" + Integer.toHexString(random.nextInt(1 << 16)) + ":" + Integer.toHexString(random.nextInt(1 << 16)) + "::";
	}

	private static <T> List<T> parallel(int count, Callable<T> call) throws Exception {
		CountDownLatch ready = new CountDownLatch(count);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(count);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(executor.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			ready.await();
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(30, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
