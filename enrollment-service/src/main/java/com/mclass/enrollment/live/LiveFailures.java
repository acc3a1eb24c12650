package com.mclass.enrollment.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

	LiveFailures(ErrorMessages messages) {
		this.messages = messages;
	}

	/**
	 * The content type is preset: a stream's client accepts only {@code text/event-stream}, and content negotiation
	 * would turn the JSON envelope into a 406.
	 */
	@ExceptionHandler(LiveStreamRefused.class)
	ResponseEntity<ApiErrorResponse> refused(LiveStreamRefused ex) {
		log.debug("Answered 503: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_JSON)
			.body(ApiErrorResponse.of(CommonErrorCode.SERVICE_UNAVAILABLE.code(),
					this.messages.messageFor(CommonErrorCode.SERVICE_UNAVAILABLE)));
	}

}
