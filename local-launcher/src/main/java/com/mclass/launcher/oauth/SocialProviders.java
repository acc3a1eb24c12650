package com.mclass.launcher.oauth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where auth-service sends social logins when the launcher runs it. The rule: the launcher starts its own stand-in for
 * Google, Kakao and Naver unless the person running it asked for something else, by activating the {@code social-live}
 * profile (the real providers) or by naming a stand-in of their own in {@code MCLASS_OAUTH_MOCK_URL}.
 */
public enum SocialProviders {

	/** The launcher's mock OAuth2 server (port {@code MCLASS_OAUTH_MOCK_PORT}, default 8090). */
	LOCAL_MOCK,

	/**
	 * {@code SPRING_PROFILES_ACTIVE} contains {@code social-live}: auth-service talks to the real providers, with the
	 * client ids and secrets of {@code MCLASS_{GOOGLE,KAKAO,NAVER}_CLIENT_ID} / {@code _CLIENT_SECRET}.
	 */
	LIVE,

	/** {@code MCLASS_OAUTH_MOCK_URL} is set: a provider stand-in someone runs themselves (it reaches auth-service as is). */
	EXTERNAL_MOCK;

	static final String LIVE_PROFILE = "social-live";

	static final List<String> CREDENTIAL_VARIABLES = List.of("MCLASS_GOOGLE_CLIENT_ID", "MCLASS_GOOGLE_CLIENT_SECRET",
			"MCLASS_KAKAO_CLIENT_ID", "MCLASS_KAKAO_CLIENT_SECRET", "MCLASS_NAVER_CLIENT_ID", "MCLASS_NAVER_CLIENT_SECRET");

	/** Decides from the launcher's environment, which the services inherit. */
	public static SocialProviders fromEnvironment(Map<String, String> environment) {
		String profiles = environment.getOrDefault("SPRING_PROFILES_ACTIVE", "");
		if (Arrays.stream(profiles.split(",")).map(String::strip).anyMatch(LIVE_PROFILE::equals)) {
			return LIVE;
		}
		String mockUrl = environment.get("MCLASS_OAUTH_MOCK_URL");
		return (mockUrl != null && !mockUrl.isBlank()) ? EXTERNAL_MOCK : LOCAL_MOCK;
	}

	/**
	 * Real client ids or secrets in the environment that will not be used, because the providers' endpoints stay
	 * those of a mock until {@code social-live} is active; a person who set them most likely expected otherwise.
	 */
	public static List<String> unusedCredentials(Map<String, String> environment) {
		if (fromEnvironment(environment) == LIVE) {
			return List.of();
		}
		List<String> unused = new ArrayList<>();
		for (String variable : CREDENTIAL_VARIABLES) {
			String value = environment.get(variable);
			if (value != null && !value.isBlank()) {
				unused.add(variable);
			}
		}
		return unused;
	}

}
