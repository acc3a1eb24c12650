package com.mclass.launcher.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** The user-info documents, in the shapes auth-service's SocialProfile reads from the real providers. */
class MockProviderTests {

	@Test
	void googleAnswersWithOpenIdConnectClaims() {
		MockAccount account = MockAccount.of(MockProvider.GOOGLE, "Park Jisoo");

		assertThat(MockProvider.GOOGLE.userInfo(account)).containsExactly(Map.entry("sub", account.userId()),
				Map.entry("name", "Park Jisoo"), Map.entry("email", "park.jisoo@gmail.example"),
				Map.entry("email_verified", true));
	}

	@Test
	void kakaoNestsTheVerifiedAddressAndNicknameInItsAccount() {
		MockAccount account = MockAccount.of(MockProvider.KAKAO, "minsu@example.com");

		Map<String, Object> document = MockProvider.KAKAO.userInfo(account);

		assertThat(document.get("id")).isEqualTo(Long.parseLong(account.userId()));
		assertThat(document.get("kakao_account")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("email", "minsu@example.com")
			.containsEntry("is_email_verified", true)
			.containsEntry("is_email_valid", true)
			.containsEntry("has_email", true)
			.containsEntry("profile", Map.of("nickname", "minsu", "is_default_nickname", false));
		assertThat(document).doesNotContainKeys("sub", "email", "name");
	}

	@Test
	void naverWrapsTheProfileInItsResponseWithASuccessCode() {
		MockAccount account = MockAccount.of(MockProvider.NAVER, "이네이버");

		Map<String, Object> document = MockProvider.NAVER.userInfo(account);

		assertThat(document).containsEntry("resultcode", "00").containsEntry("message", "success");
		assertThat(document.get("response")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("id", account.userId())
			.containsEntry("email", account.email())
			.containsEntry("name", "이네이버");
	}

	@Test
	void knowsEachProviderByItsIssuer() {
		assertThat(MockProvider.ofIssuer("kakao")).contains(MockProvider.KAKAO);
		assertThat(MockProvider.ofIssuer("default")).isEmpty();
	}

}
