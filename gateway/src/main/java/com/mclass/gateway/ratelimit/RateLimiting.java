package com.mclass.gateway.ratelimit;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * The buckets and keys the routes in {@code application.yml} refer to ({@code RequestRateLimiter} with
 * {@code #{@userBuckets}} / {@code #{@authBuckets}} and {@code #{@userOrAddress}} / {@code #{@clientAddress}}).
 * Spring Cloud Gateway keeps one bucket per route and key, so a user's budget applies to each service separately.
 */
@Configuration(proxyBeanMethods = false)
class RateLimiting {

	@Bean
	@Primary
	TokenBuckets userBuckets(RateLimitProperties properties) {
		return new TokenBuckets(properties.user(), false);
	}

	@Bean
	TokenBuckets authBuckets(RateLimitProperties properties) {
		return new TokenBuckets(properties.auth(), true);
	}

	/**
	 * The user ({@code sub} of the verified token) on routes where one is signed in; anonymous callers of the public
	 * routes share their client address's bucket. Never empty, so the limiter never refuses for lack of a key.
	 */
	@Bean
	@Primary
	KeyResolver userOrAddress() {
		return (exchange) -> exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map((principal) -> "user:" + ((JwtAuthenticationToken) principal).getToken().getSubject())
			.switchIfEmpty(Mono.fromSupplier(() -> addressKey(exchange)));
	}

	/** The client address as the gateway resolved it (see the forwarding package), whatever the token says. */
	@Bean
	KeyResolver clientAddress() {
		return (exchange) -> Mono.just(addressKey(exchange));
	}

	private static String addressKey(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return "ip:" + ((remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown");
	}

}
