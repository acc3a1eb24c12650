package com.mclass.launcher.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MockAccountTests {

	@Test
	void theSameWordsSignInAsTheSameUserWhateverTheirCaseAndSurroundingBlanks() {
		for (MockProvider provider : MockProvider.values()) {
			assertThat(MockAccount.of(provider, "  Minsu ").userId()).isEqualTo(MockAccount.of(provider, "minsu").userId());
			assertThat(MockAccount.of(provider, "minsu").userId()).isNotEqualTo(MockAccount.of(provider, "minji").userId());
		}
	}

	@Test
	void theSameNameIsAnotherUserAtEachProviderAsRealIdsAre() {
		assertThat(MockAccount.of(MockProvider.GOOGLE, "minsu").userId())
			.isNotEqualTo(MockAccount.of(MockProvider.NAVER, "minsu").userId());
	}

	@Test
	void idsLookLikeEachProvidersOwn() {
		assertThat(MockAccount.of(MockProvider.GOOGLE, "minsu").userId()).hasSize(21).startsWith("1").containsOnlyDigits();
		assertThat(MockAccount.of(MockProvider.KAKAO, "minsu").userId()).hasSize(10).containsOnlyDigits();
		assertThat(MockAccount.of(MockProvider.NAVER, "minsu").userId()).hasSize(43).matches("[A-Za-z0-9_-]+");
	}

	@Test
	void aNameGetsAMadeUpAddressAtTheProvidersReservedDomain() {
		MockAccount account = MockAccount.of(MockProvider.KAKAO, "Kim  Minsu");

		assertThat(account.name()).isEqualTo("Kim  Minsu");
		assertThat(account.email()).isEqualTo("kim.minsu@kakao.example");
	}

	@Test
	void anAddressIsKeptInLowerCaseAndItsMailboxBecomesTheName() {
		MockAccount account = MockAccount.of(MockProvider.GOOGLE, "Park.Jisoo@Example.com");

		assertThat(account.email()).isEqualTo("park.jisoo@example.com");
		assertThat(account.name()).isEqualTo("Park.Jisoo");
	}

	@Test
	void aNameWithNothingAsciiGetsAnAsciiMailboxNamedAfterItsHash() {
		MockAccount account = MockAccount.of(MockProvider.NAVER, "김민수");

		assertThat(account.name()).isEqualTo("김민수");
		assertThat(account.email()).matches("user\\.[0-9a-f]{8}@naver\\.example");
		assertThat(MockAccount.of(MockProvider.NAVER, "이영희").email()).isNotEqualTo(account.email());
	}

	@Test
	void refusesABlankLogin() {
		assertThatIllegalArgumentException().isThrownBy(() -> MockAccount.of(MockProvider.GOOGLE, "   "))
			.withMessage("Type an e-mail address or a name to sign in");
	}

}
