package com.mclass.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * Requests that no route would serve. They are let through to routing, which answers 404 in the envelope: a 401
 * for a path that does not exist would tell a client to log in when it made a typo. Asking the routes themselves
 * (rather than a list of prefixes kept beside them) keeps "deny by default" for every path a route does serve,
 * including routes added later.
 */
final class UnroutedPaths implements ServerWebExchangeMatcher {

	private final RouteLocator routes;

	/** @param routes looked up per request, so the security configuration does not pull in routing at start-up */
	UnroutedPaths(RouteLocator routes) {
		this.routes = routes;
	}

	@Override
	public Mono<MatchResult> matches(ServerWebExchange exchange) {
		return this.routes.getRoutes()
			.filterWhen((route) -> Mono.from(route.getPredicate().apply(exchange)))
			.hasElements()
			.flatMap((routed) -> routed ? MatchResult.notMatch() : MatchResult.match());
	}

}
