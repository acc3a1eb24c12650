package com.mclass.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.common.KeyValue;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: the client's own if it is a plausible id, a new UUID otherwise. The id
 * travels to the service and back to the client, also on the gateway's own error answers, and tags the request's span
 * so a support ticket quoting it leads to the trace. A web filter rather than a gateway filter, so that requests no
 * route matches get one too.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

	static final String HEADER = "X-Request-Id";

	/** Short and free of anything that could forge log lines or headers. */
	private static final Pattern PLAUSIBLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String requestId = requestIdOf(exchange.getRequest());
		ServerHttpRequest request = exchange.getRequest().mutate().headers((headers) -> headers.set(HEADER, requestId)).build();
		ServerHttpResponse response = exchange.getResponse();
		// Set at commit time so that it replaces, rather than doubles, an id a service echoes in its answer.
		response.beforeCommit(() -> {
			response.getHeaders().set(HEADER, requestId);
			return Mono.empty();
		});
		ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.ifPresent((observation) -> observation.addHighCardinalityKeyValue(KeyValue.of("http.request.id", requestId)));
		return chain.filter(exchange.mutate().request(request).build());
	}

	private static String requestIdOf(ServerHttpRequest request) {
		String sent = request.getHeaders().getFirst(HEADER);
		return (sent != null && PLAUSIBLE_ID.matcher(sent).matches()) ? sent : UUID.randomUUID().toString();
	}

}
