package com.mclass.auth.social;

import java.util.Locale;
import java.util.Map;

import org.springframework.security.oauth2.core.user.OAuth2User;

import com.mclass.auth.user.Provider;

/**
 * Who the provider says the user is. {@code email} is kept only when the provider vouches for it (Google's
 * {@code email_verified}, Kakao's {@code is_email_verified}; Naver only hands out addresses it has verified), and
 * even then it is informational: accounts are matched on (provider, socialId) alone.
 */
record SocialProfile(Provider provider, String socialId, String email, String name) {

	static SocialProfile of(Provider provider, OAuth2User user) {
		Map<String, Object> attributes = user.getAttributes();
		return switch (provider) {
			case GOOGLE -> new SocialProfile(provider, id(attributes.get("sub")),
					Boolean.TRUE.equals(attributes.get("email_verified")) ? email(attributes.get("email")) : null,
					text(attributes.get("name")));
			case KAKAO -> {
				Map<?, ?> account = map(attributes.get("kakao_account"));
				Map<?, ?> profile = map(account.get("profile"));
				yield new SocialProfile(provider, id(attributes.get("id")),
						Boolean.TRUE.equals(account.get("is_email_verified")) ? email(account.get("email")) : null,
						text(profile.get("nickname")));
			}
			case NAVER -> {
				Map<?, ?> response = map(attributes.get("response"));
				yield new SocialProfile(provider, id(response.get("id")), email(response.get("email")), text(response.get("name")));
			}
			case LOCAL -> throw new IllegalArgumentException("Not a social provider");
		};
	}

	private static Map<?, ?> map(Object value) {
		return (value instanceof Map<?, ?> map) ? map : Map.of();
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}

	/** The provider's user id; anything longer than the column is not an id we can key on. */
	private static String id(Object value) {
		String text = text(value);
		return (text != null && text.length() <= 255) ? text : null;
	}

	private static String email(Object value) {
		String text = text(value);
		return (text != null && text.length() <= 320) ? text.toLowerCase(Locale.ROOT) : null;
	}

}
