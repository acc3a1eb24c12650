package com.mclass.auth.social;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;

import com.mclass.auth.user.Provider;

import static org.assertj.core.api.Assertions.assertThat;

class SocialProfileTests {

	@Test
	void readsKakaosNestedAccount() {
		SocialProfile profile = SocialProfile.of(Provider.KAKAO, user("id", Map.of("id", 4_021_337_117L, "kakao_account",
				Map.of("email", "Kim@Kakao.com", "is_email_verified", true, "profile", Map.of("nickname", "김카카오")))));
		assertThat(profile).isEqualTo(new SocialProfile(Provider.KAKAO, "4021337117", "kim@kakao.com", "김카카오"));
	}

	@Test
	void dropsAnEmailKakaoHasNotVerified() {
		SocialProfile profile = SocialProfile.of(Provider.KAKAO, user("id", Map.of("id", 7, "kakao_account",
				Map.of("email", "kim@kakao.com", "is_email_verified", false))));
		assertThat(profile.email()).isNull();
		assertThat(profile.name()).isNull();
	}

	@Test
	void readsNaversResponseWrapper() {
		SocialProfile profile = SocialProfile.of(Provider.NAVER, user("response", Map.of("resultcode", "00", "message", "success",
				"response", Map.of("id", "nv-32f9", "email", "lee@naver.com", "name", "이네이버"))));
		assertThat(profile).isEqualTo(new SocialProfile(Provider.NAVER, "nv-32f9", "lee@naver.com", "이네이버"));
	}

	@Test
	void keepsGooglesEmailOnlyWhenVerified() {
		assertThat(SocialProfile.of(Provider.GOOGLE, user("sub", Map.of("sub", "g-1", "email", "park@gmail.com",
				"email_verified", true, "name", "Park"))).email()).isEqualTo("park@gmail.com");
		assertThat(SocialProfile.of(Provider.GOOGLE, user("sub", Map.of("sub", "g-1", "email", "park@gmail.com",
				"email_verified", false))).email()).isNull();
	}

	private static DefaultOAuth2User user(String nameAttribute, Map<String, Object> attributes) {
		return new DefaultOAuth2User(List.of(new SimpleGrantedAuthority("OAUTH2_USER")), attributes, nameAttribute);
	}

}
