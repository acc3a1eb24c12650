package com.mclass.gateway.forwarding;

import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services where a request came from, in headers they can trust because only the gateway writes them:
 * {@code X-Forwarded-For} with exactly one address, the client's (auth-service throttles logins by its first hop),
 * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}. Whatever forwarding headers the client or the load balancer
 * sent are dropped; {@link ClientOrigin} already took from them what could be believed.
 */
@Component
class ForwardedHeaders implements HttpHeadersFilter, Ordered {

	@Override
	public int getOrder() {
		// After the gateway's own X-Forwarded/Forwarded filters (order 0), so that these headers are the last word.
		return 10;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders headers = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!isForwarding(name)) {
				headers.addAll(name, values);
			}
		});
		ClientOrigin origin = exchange.getAttribute(ClientOriginResolution.ATTRIBUTE);
		if (origin != null && origin.client() != null) {
			headers.set(ClientOrigin.X_FORWARDED_FOR, origin.client().getHostAddress());
			headers.set(ClientOrigin.X_FORWARDED_PROTO, origin.scheme());
			if (origin.host() != null) {
				headers.set(ClientOrigin.X_FORWARDED_HOST, origin.host());
			}
		}
		return headers;
	}

	private static boolean isForwarding(String headerName) {
		String name = headerName.toLowerCase(Locale.ROOT);
		return name.startsWith("x-forwarded-") || name.equals("forwarded") || name.equals("x-real-ip");
	}

}
