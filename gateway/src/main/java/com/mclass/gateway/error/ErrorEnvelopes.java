package com.mclass.gateway.error;

import java.util.Locale;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;

import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.ErrorMessages;

/**
 * Writes a {@link GatewayFailure} as the error envelope, in the client's language. Headers already on the response
 * (e.g. {@code Retry-After}, {@code X-RateLimit-*}, {@code WWW-Authenticate}) stay; content headers are replaced.
 */
@Component
class ErrorEnvelopes {

	/** The wait a 503 suggests: a restarting service or a Redis hiccup is mostly back within seconds. */
	static final String RETRY_AFTER_SECONDS = "1";

	private final ErrorMessages messages;

	private final JsonMapper jsonMapper;

	ErrorEnvelopes(ErrorMessages messages, JsonMapper jsonMapper) {
		this.messages = messages;
		this.jsonMapper = jsonMapper;
	}

	Mono<Void> write(ServerHttpRequest request, ServerHttpResponse response, GatewayFailure outcome) {
		byte[] body = this.jsonMapper.writeValueAsBytes(envelope(outcome, ClientLanguage.of(request)));
		HttpHeaders headers = response.getHeaders();
		// A service's partial answer may have left its own content headers behind.
		headers.clearContentHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(body.length);
		if (outcome.retryAfterSeconds().isPresent()) {
			// The thrower knows when its refusal passes, as on the services (platform-web's handler).
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfterSeconds().getAsLong()));
		}
		else if (outcome.status() == 503 && !headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
			// A service down or restarting, a dependency unreachable: the client may retry, and is told when.
			headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		response.setStatusCode(HttpStatusCode.valueOf(outcome.status()));
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	private ApiErrorResponse envelope(GatewayFailure outcome, Locale language) {
		String message = (outcome.message() != null) ? outcome.message()
				: this.messages.messageFor(outcome.code(), language, outcome.messageArguments());
		return ApiErrorResponse.of(outcome.code().code(), message, outcome.details());
	}

}
