package com.mclass.auth.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private static final PasswordPolicy policy = PasswordPolicy.withBundledList();

	@Test
	void refusesSevenCharactersAndAcceptsEight() {
		assertThat(policy.check("kx7#qpz")).contains(PasswordPolicy.Violation.TOO_SHORT);
		assertThat(policy.check("kx7#qpzw")).isEmpty();
	}

	@Test
	void acceptsOneHundredTwentyEightCharactersAndRefusesOneMore() {
		assertThat(policy.check("a".repeat(64) + "b".repeat(64))).isEmpty();
		assertThat(policy.check("a".repeat(64) + "b".repeat(65))).contains(PasswordPolicy.Violation.TOO_LONG);
	}

	@Test
	void acceptsSixtyFourCharactersAsAsvsRequires() {
		assertThat(policy.check("x".repeat(63) + "y")).isEmpty();
	}

	@Test
	void countsUnicodeCharactersNotBytesOrUtf16Units() {
		// 8 Hangul syllables are 24 bytes of UTF-8 but 8 characters; 7 emoji are 14 UTF-16 units but 7 characters.
		assertThat(policy.check("비밀번호정말길다")).isEmpty();
		assertThat(policy.check("🔑🔑🔑🔑🔑🔑🔑")).contains(PasswordPolicy.Violation.TOO_SHORT);
		assertThat(policy.check("🔑🔑🔑🔑🔑🔑🔑🔐")).isEmpty();
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThat(policy.check("password")).contains(PasswordPolicy.Violation.COMMON);
		assertThat(policy.check("PassWord123")).contains(PasswordPolicy.Violation.COMMON);
		assertThat(policy.check("QWERTY123")).contains(PasswordPolicy.Violation.COMMON);
		assertThat(policy.check("1q2w3e4r")).contains(PasswordPolicy.Violation.COMMON);
		assertThat(policy.check("iloveyou")).contains(PasswordPolicy.Violation.COMMON);
		assertThat(policy.check("12345678")).contains(PasswordPolicy.Violation.COMMON);
	}

	@Test
	void needsNoParticularCharacterClasses() {
		assertThat(policy.check("correct horse battery staple")).isEmpty();
		assertThat(policy.check("zqxjvkwpyb")).isEmpty();
		assertThat(policy.check("93847561029")).isEmpty();
		assertThat(policy.check("        x       ")).isEmpty();
	}

	@Test
	void shipsAtLeastAThousandCommonPasswords() {
		assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(1000);
	}

}
