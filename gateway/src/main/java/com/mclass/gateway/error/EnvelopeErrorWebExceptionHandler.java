package com.mclass.gateway.error;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.ErrorMessages;

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

	private final ErrorMessages messages;

	private final JsonMapper jsonMapper;

	EnvelopeErrorWebExceptionHandler(ErrorMessages messages, JsonMapper jsonMapper) {
		this.messages = messages;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			// Part of a service's answer is already on the wire; all that is left is closing the connection.
			log.warn("{} failed after the response was committed", describe(exchange), failure);
			return Mono.error(failure);
		}
		GatewayFailure outcome = GatewayFailure.of(failure);
		logFailure(exchange, outcome, failure);
		byte[] body = this.jsonMapper.writeValueAsBytes(envelope(outcome, ClientLanguage.of(exchange.getRequest())));
		HttpHeaders headers = response.getHeaders();
		// A service's partial answer may have left its own content headers behind.
		headers.clearContentHeaders();
		if (failure instanceof ErrorResponse errorResponse) {
			// e.g. Allow on 405
			headers.addAll(errorResponse.getHeaders());
		}
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(body.length);
		response.setStatusCode(HttpStatusCode.valueOf(outcome.status()));
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	private ApiErrorResponse envelope(GatewayFailure outcome, Locale language) {
		String message = (outcome.message() != null) ? outcome.message()
				: this.messages.messageFor(outcome.code(), language, outcome.messageArguments());
		return ApiErrorResponse.of(outcome.code().code(), message, outcome.details());
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
