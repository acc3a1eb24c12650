package com.mclass.gateway.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops headers that claim who the caller is before a request goes to a service. The services take identity from the
 * verified token only, but a header such as {@code X-User-Id} reaching them invites a future shortcut that trusts it;
 * nothing a client sends should look like the gateway vouched for it. The {@code Authorization} header itself is
 * forwarded unchanged: each service verifies the token again.
 */
@Component
class ClientIdentityHeaders implements HttpHeadersFilter, Ordered {

	private static final List<String> PREFIXES = List.of("x-user-", "x-authenticated-", "x-auth-", "x-remote-user");

	private static final Set<String> NAMES = Set.of("x-user", "x-userid", "x-role", "x-roles", "x-session-id",
			"remote-user");

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders filtered = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!isIdentityClaim(name)) {
				filtered.addAll(name, values);
			}
		});
		return filtered;
	}

	static boolean isIdentityClaim(String headerName) {
		String name = headerName.toLowerCase(Locale.ROOT);
		return NAMES.contains(name) || PREFIXES.stream().anyMatch(name::startsWith);
	}

}
