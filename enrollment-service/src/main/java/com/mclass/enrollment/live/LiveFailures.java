package com.mclass.enrollment.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorMessages;

/** A replica full of live streams (or shutting down) refuses more: 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LiveFailures {

	private static final Logger log = LoggerFactory.getLogger(LiveFailures.class);

	/** Longer than a reconnect: thousands of refused clients coming back at once would only be refused again. */
	static final String RETRY_AFTER_SECONDS = "10";

	private final ErrorMessages messages;

	private final JsonMapper json;

	LiveFailures(ErrorMessages messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	/**
	 * Written directly, not returned: a stream's client accepts only {@code text/event-stream}, and content negotiation
	 * would turn the JSON envelope into a 406.
	 */
	@ExceptionHandler(LiveStreamRefused.class)
	void refused(LiveStreamRefused ex, HttpServletResponse response) throws IOException {
		log.debug("Answered 503: {}", ex.getMessage());
		response.setStatus(503);
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		this.json.writeValue(response.getOutputStream(), ApiErrorResponse.of(CommonErrorCode.SERVICE_UNAVAILABLE.code(),
				this.messages.messageFor(CommonErrorCode.SERVICE_UNAVAILABLE)));
	}

}
