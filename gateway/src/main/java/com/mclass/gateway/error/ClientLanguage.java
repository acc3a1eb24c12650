package com.mclass.gateway.error;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The language of the texts a client reads: Korean, MClass's default, unless {@code Accept-Language} prefers English.
 */
final class ClientLanguage {

	private static final List<Locale> SUPPORTED = List.of(Locale.KOREAN, Locale.ENGLISH);

	private ClientLanguage() {
	}

	static Locale of(ServerHttpRequest request) {
		return of(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
	}

	static Locale of(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Locale.KOREAN;
		}
		try {
			Locale preferred = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
			return (preferred != null) ? preferred : Locale.KOREAN;
		}
		catch (IllegalArgumentException malformedHeader) {
			// A broken header must not turn an error answer into another error.
			return Locale.KOREAN;
		}
	}

}
