package com.mclass.launcher.oauth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The three providers the mock plays, one issuer each ({@code /google}, {@code /kakao}, {@code /naver}, the paths
 * auth-service's {@code application.yml} points at), and the user-info document each one answers with. The mock's
 * userinfo endpoint answers with the claims of the access token it issued, so these documents are the claims the
 * mock puts in its tokens.
 */
enum MockProvider {

	/** OpenID Connect: the ID token and the userinfo answer carry the same claims. */
	GOOGLE("google", "Google", "gmail.example", "#1a73e8", "#ffffff"),

	/** Kakao's {@code /v2/user/me}: a numeric id, the e-mail and nickname nested in {@code kakao_account}. */
	KAKAO("kakao", "Kakao", "kakao.example", "#fee500", "#191919"),

	/** Naver's {@code /v1/nid/me}: a result code and the profile wrapped in {@code response}. */
	NAVER("naver", "Naver", "naver.example", "#03c75a", "#ffffff");

	private final String issuerId;

	private final String displayName;

	private final String emailDomain;

	private final String brandColor;

	private final String brandTextColor;

	MockProvider(String issuerId, String displayName, String emailDomain, String brandColor, String brandTextColor) {
		this.issuerId = issuerId;
		this.displayName = displayName;
		this.emailDomain = emailDomain;
		this.brandColor = brandColor;
		this.brandTextColor = brandTextColor;
	}

	String issuerId() {
		return this.issuerId;
	}

	String displayName() {
		return this.displayName;
	}

	/** Where made-up addresses live: a reserved top-level domain, so nothing could ever be delivered there. */
	String emailDomain() {
		return this.emailDomain;
	}

	String brandColor() {
		return this.brandColor;
	}

	String brandTextColor() {
		return this.brandTextColor;
	}

	static Optional<MockProvider> ofIssuer(String issuerId) {
		return Arrays.stream(values()).filter((provider) -> provider.issuerId.equals(issuerId)).findFirst();
	}

	/** The user-info document of this provider for the account, every address verified. */
	Map<String, Object> userInfo(MockAccount account) {
		Map<String, Object> document = new LinkedHashMap<>();
		switch (this) {
			case GOOGLE -> {
				document.put("sub", account.userId());
				document.put("name", account.name());
				document.put("email", account.email());
				document.put("email_verified", true);
			}
			case KAKAO -> {
				document.put("id", Long.parseLong(account.userId()));
				document.put("properties", Map.of("nickname", account.name()));
				Map<String, Object> kakaoAccount = new LinkedHashMap<>();
				kakaoAccount.put("profile_nickname_needs_agreement", false);
				kakaoAccount.put("profile", Map.of("nickname", account.name(), "is_default_nickname", false));
				kakaoAccount.put("has_email", true);
				kakaoAccount.put("email_needs_agreement", false);
				kakaoAccount.put("is_email_valid", true);
				kakaoAccount.put("is_email_verified", true);
				kakaoAccount.put("email", account.email());
				document.put("kakao_account", kakaoAccount);
			}
			case NAVER -> {
				document.put("resultcode", "00");
				document.put("message", "success");
				document.put("response",
						Map.of("id", account.userId(), "email", account.email(), "name", account.name(), "nickname", account.name()));
			}
		}
		return document;
	}

}
