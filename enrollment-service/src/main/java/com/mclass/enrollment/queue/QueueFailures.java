package com.mclass.enrollment.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorMessages;

/** Redis down: the waiting room fails closed, 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueueFailures {

	private static final Logger log = LoggerFactory.getLogger(QueueFailures.class);

	private final ErrorMessages messages;

	QueueFailures(ErrorMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(QueueUnavailable.class)
	ResponseEntity<ApiErrorResponse> unavailable(QueueUnavailable ex) {
		log.warn("Answered 503: {}", ex.getMessage());
		return ResponseEntity.status(503)
			.header(HttpHeaders.RETRY_AFTER, "2")
			.body(ApiErrorResponse.of(CommonErrorCode.SERVICE_UNAVAILABLE.code(),
					this.messages.messageFor(CommonErrorCode.SERVICE_UNAVAILABLE)));
	}

}
