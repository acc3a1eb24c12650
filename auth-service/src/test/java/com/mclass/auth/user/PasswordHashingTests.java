package com.mclass.auth.user;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashingTests {

	private static final PasswordHashing hashing = new PasswordHashing(4);

	@Test
	void verifiesTheRightPasswordOnly() {
		String hash = hashing.hash("correct horse battery staple");
		assertThat(hash).startsWith("{bcrypt-sha256}$2a$04$");
		assertThat(hashing.matches("correct horse battery staple", hash)).isTrue();
		assertThat(hashing.matches("correct horse battery stapl", hash)).isFalse();
	}

	@Test
	void keepsEveryCharacterSignificantBeyondBcrypts72Bytes() {
		String base = "가".repeat(30); // 90 bytes of UTF-8, already past bcrypt's limit
		String hash = hashing.hash(base + "A");
		assertThat(hashing.matches(base + "A", hash)).isTrue();
		assertThat(hashing.matches(base + "B", hash)).isFalse();
		String longest = "p".repeat(127);
		assertThat(hashing.matches(longest + "1", hashing.hash(longest + "1"))).isTrue();
	}

	@Test
	void saltsEveryHash() {
		assertThat(hashing.hash("correct horse battery staple")).isNotEqualTo(hashing.hash("correct horse battery staple"));
	}

	@Test
	void treatsCompatibilityEquivalentInputAlike() {
		// Full-width "Ｐａｓｓ" normalises (NFKC) to ASCII "Pass", as typed from another keyboard layout.
		assertThat(hashing.matches("Pass word 2024", hashing.hash("Ｐａｓｓ word 2024"))).isTrue();
	}

	@Test
	void refusesForeignOrDamagedHashes() {
		assertThat(hashing.matches("x", null)).isFalse();
		assertThat(hashing.matches("x", "$2a$10$abcdefghijklmnopqrstuu")).isFalse();
		assertThat(hashing.matches("x", "{bcrypt-sha256}short")).isFalse();
	}

	/**
	 * Prints what one hash costs at the production cost factor on this machine; the cost is chosen to stay under
	 * 100 ms (≈ 70 ms on the idle 2-core reference machine). Only a generous ceiling is asserted, since shared CI
	 * machines vary; it still catches a cost raised by several steps.
	 */
	@Test
	void measuresTheProductionCost() {
		PasswordHashing production = new PasswordHashing(10);
		String hash = production.hash("correct horse battery staple");
		long[] nanos = new long[15];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			production.matches("correct horse battery staple", hash);
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		double median = nanos[nanos.length / 2] / 1e6;
		System.out.printf("bcrypt cost %d: median %.1f ms, min %.1f ms, max %.1f ms per verification%n", production.cost(), median,
				nanos[0] / 1e6, nanos[nanos.length - 1] / 1e6);
		assertThat(median).isLessThan(1000);
	}

}
