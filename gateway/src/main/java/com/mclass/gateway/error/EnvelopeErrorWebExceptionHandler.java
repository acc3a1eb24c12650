package com.mclass.gateway.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.context.ContextSnapshot;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

import com.mclass.gateway.TracedLogging;

/**
 * Answers every failure of the gateway itself (no route, body too large, service down or slow, bugs) with the error
 * envelope as JSON, whatever the client accepts, so that no whitelabel page, default error JSON or stack trace reaches
 * it. Runs before Boot's {@code DefaultErrorWebExceptionHandler} (order -1). Errors a service answers with are relayed
 * untouched and never pass through here.
 */
@Component
@Order(-2)
class EnvelopeErrorWebExceptionHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorWebExceptionHandler.class);

	private final ErrorEnvelopes envelopes;

	EnvelopeErrorWebExceptionHandler(ErrorEnvelopes envelopes) {
		this.envelopes = envelopes;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		return Mono.deferContextual((context) -> handle(exchange, failure, context));
	}

	private Mono<Void> handle(ServerWebExchange exchange, Throwable failure, ContextView context) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			// Part of a service's answer is already on the wire; all that is left is closing the connection.
			try (ContextSnapshot.Scope traced = TracedLogging.scope(context)) {
				log.warn("{} failed after the response was committed", describe(exchange), failure);
			}
			return Mono.error(failure);
		}
		GatewayFailure outcome = GatewayFailure.of(failure);
		try (ContextSnapshot.Scope traced = TracedLogging.scope(context)) {
			logFailure(exchange, outcome, failure);
		}
		if (failure instanceof ErrorResponse errorResponse) {
			// e.g. Allow on 405, Retry-After
			response.getHeaders().addAll(errorResponse.getHeaders());
		}
		return this.envelopes.write(exchange.getRequest(), response, outcome);
	}

	private void logFailure(ServerWebExchange exchange, GatewayFailure outcome, Throwable failure) {
		if (outcome.isUnexpected()) {
			log.error("{} failed unexpectedly", describe(exchange), failure);
		}
		else if (outcome.isUpstreamFailure()) {
			log.warn("{} answered {} {}: {}", describe(exchange), outcome.status(), outcome.code().code(),
					rootCauseMessage(failure));
		}
		else if (log.isDebugEnabled()) {
			log.debug("{} answered {} {}: {}", describe(exchange), outcome.status(), outcome.code().code(),
					failure.toString());
		}
	}

	private static String describe(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String target = (route != null) ? " (route " + route.getId() + ")" : "";
		return request.getMethod() + " " + request.getPath().value() + target;
	}

	private static String rootCauseMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root == failure) ? failure.toString() : failure + " caused by " + root;
	}

}
