package com.mclass.auth.user;

import java.util.Locale;
import java.util.Optional;

/** Where an account's identity comes from; social providers double as OAuth2 client registration ids. */
public enum Provider {

	LOCAL, GOOGLE, KAKAO, NAVER;

	public String registrationId() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Provider> ofRegistrationId(String registrationId) {
		for (Provider provider : values()) {
			if (provider != LOCAL && provider.registrationId().equals(registrationId)) {
				return Optional.of(provider);
			}
		}
		return Optional.empty();
	}

}
