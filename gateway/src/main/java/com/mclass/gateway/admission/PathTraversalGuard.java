package com.mclass.gateway.admission;

import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * Refuses paths a service could read differently from the gateway. Routes match the path as sent, but a servlet
 * container normalizes it: {@code /api/auth/../../internal/x} or {@code /api/auth/..;/internal/x} matches the auth
 * route here and becomes {@code /internal/x} in the service, exactly what the gateway must never route. Spring
 * Security's firewall refuses most of the same shapes too; this guard runs first, covers the encoded variants as well,
 * and answers in the envelope.
 */
@Component
class PathTraversalGuard implements WebFilter, Ordered {

	private static final List<String> REFUSED_FRAGMENTS = List.of(";", "\\", "//", "%2f", "%5c", "%2e", "%3b", "%25",
			"%00");

	@Override
	public int getOrder() {
		// Right after the request id, so that refusals carry one.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String rawPath = exchange.getRequest().getURI().getRawPath();
		if (rawPath != null && isAmbiguous(rawPath)) {
			return Mono.error(new ApiException(CommonErrorCode.VALIDATION_FAILED));
		}
		return chain.filter(exchange);
	}

	static boolean isAmbiguous(String rawPath) {
		String path = rawPath.toLowerCase(Locale.ROOT);
		for (String fragment : REFUSED_FRAGMENTS) {
			if (path.contains(fragment)) {
				return true;
			}
		}
		for (String segment : path.split("/", -1)) {
			if (segment.equals(".") || segment.equals("..")) {
				return true;
			}
		}
		return false;
	}

}
