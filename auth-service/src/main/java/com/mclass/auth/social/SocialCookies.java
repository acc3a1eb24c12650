package com.mclass.auth.social;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.ResponseCookie;

/**
 * The cookies of a social login: the pending login's state ({@value RedisAuthorizationRequests#COOKIE}, on
 * {@code /api/auth}) and the binding of the one-time code ({@value #BINDING_COOKIE}, on {@code /}, so that the
 * front-end's own server may forward it when it redeems the code server-side), both HttpOnly and SameSite=Lax (the
 * provider's redirect back is a top-level GET, which carries Lax cookies). {@code Secure} unless configured off or,
 * by default, unless the public URL is plain http on the local machine (the dev setup, where a Secure cookie would
 * never come back).
 */
public final class SocialCookies {

	static final String BINDING_COOKIE = "mclass_social_binding";

	static final String PATH = "/api/auth";

	static final String BINDING_PATH = "/";

	private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	private final boolean secure;

	SocialCookies(boolean secure) {
		this.secure = secure;
	}

	/** {@code setting} is {@code true}, {@code false} or {@code auto} (Secure except for http on localhost). */
	static SocialCookies of(String setting, String publicUrl) {
		String value = (setting != null) ? setting.strip().toLowerCase(Locale.ROOT) : "auto";
		return switch (value) {
			case "true" -> new SocialCookies(true);
			case "false" -> new SocialCookies(false);
			case "auto", "" -> new SocialCookies(!isLocalHttp(publicUrl));
			default -> throw new IllegalArgumentException(
					"mclass.auth.social.state-cookie-secure must be true, false or auto, not '" + setting + "'");
		};
	}

	static boolean isLocalHttp(String publicUrl) {
		URI uri = URI.create(publicUrl);
		return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
				&& (LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT)) || uri.getHost().endsWith(".localhost"));
	}

	boolean secure() {
		return this.secure;
	}

	ResponseCookie cookie(String name, String value, Duration maxAge) {
		return ResponseCookie.from(name, value).path(BINDING_COOKIE.equals(name) ? BINDING_PATH : PATH).httpOnly(true)
			.secure(this.secure).sameSite("Lax").maxAge(maxAge).build();
	}

}
