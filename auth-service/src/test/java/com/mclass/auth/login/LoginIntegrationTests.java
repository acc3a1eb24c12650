package com.mclass.auth.login;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.auth.AuthApi;
import com.mclass.auth.AuthServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Login and its throttling. Throttle settings are shortened for tests (see {@link AuthServiceIntegrationTest}):
 * 5 failures per account and 8 per address, locks of 2 s doubling up to 4 s. Every test sends its own
 * {@code X-Forwarded-For} address (the test client is a trusted loopback proxy), so address counters never mix.
 */
@AuthServiceIntegrationTest
class LoginIntegrationTests {

	@LocalServerPort
	int port;

	AuthApi api;

	String address;

	@BeforeEach
	void client() {
		this.api = new AuthApi(this.port);
		this.address = "2001:db8::" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16)) + ":"
				+ HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
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
		AuthApi.Response elsewhere = this.api.post("/api/auth/login", Map.of("email", AuthApi.uniqueEmail("spray"), "password", "x"),
				Map.of("X-Forwarded-For", "2001:db8:ffff::1"));
		elsewhere.assertError(401, "INVALID_CREDENTIALS");
	}

	/** Prints login latency; informational (bcrypt cost 10 dominates), with a loose bound so a hang still fails. */
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
		return this.api.post("/api/auth/login", Map.of("email", email, "password", password), Map.of("X-Forwarded-For", this.address));
	}

}
