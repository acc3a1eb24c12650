package com.mclass.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * The buckets ({@link TokenBuckets}, in memory) and keys the routes in {@code application.yml} refer to ({@code RequestRateLimiter} with
 * {@code #{@userBuckets}} / {@code #{@authBuckets}} and {@code #{@userOrAddress}} / {@code #{@clientAddress}}).
 * Spring Cloud Gateway keeps one bucket per route and key, so a user's budget applies to each service separately.
 */
@Configuration(proxyBeanMethods = false)
class RateLimiting {

	@Bean
	@Primary
	TokenBuckets userBuckets(RateLimitProperties properties) {
		return new TokenBuckets(properties.user(), properties.replicas());
	}

	@Bean
	TokenBuckets authBuckets(RateLimitProperties properties) {
		return new TokenBuckets(properties.auth(), properties.replicas());
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
		return addressKey((remote != null) ? remote.getAddress() : null);
	}

	/**
	 * An IPv4 client by its address; an IPv6 client by its /64, the smallest block a subscriber is usually given (one
	 * host can pick any of its 2^64 addresses, so keying on the full address would give it as many buckets).
	 */
	static String addressKey(InetAddress address) {
		if (address == null) {
			return "ip:unknown";
		}
		if (address instanceof Inet6Address) {
			byte[] bytes = address.getAddress();
			StringBuilder prefix = new StringBuilder("ip6:");
			for (int i = 0; i < 8; i += 2) {
				prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
			}
			return prefix.append(":/64").toString();
		}
		return "ip:" + address.getHostAddress();
	}

}
