package com.mclass.gateway.forwarding;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Decides once, before anything else looks at the caller, where the request came from ({@link ClientOrigin}), and
 * makes the request's remote address the client's. Everything downstream (the per-address rate limit, logs) then sees
 * the client, never the load balancer and never an address the client made up.
 */
@Component
class ClientOriginResolution implements WebFilter, Ordered {

	static final String ATTRIBUTE = ClientOrigin.class.getName();

	private final TrustedProxies trustedProxies;

	ClientOriginResolution(ForwardingProperties properties) {
		this.trustedProxies = TrustedProxies.of(properties.trustedProxies());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 3;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		ClientOrigin origin = ClientOrigin.of(request, this.trustedProxies);
		exchange.getAttributes().put(ATTRIBUTE, origin);
		InetSocketAddress peer = request.getRemoteAddress();
		if (origin.client() == null || peer == null || origin.client().equals(peer.getAddress())) {
			return chain.filter(exchange);
		}
		// The client's port is unknown behind a proxy.
		ServerHttpRequest fromClient = request.mutate().remoteAddress(new InetSocketAddress(origin.client(), 0)).build();
		return chain.filter(exchange.mutate().request(fromClient).build());
	}

}
