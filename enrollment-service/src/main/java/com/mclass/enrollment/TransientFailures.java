package com.mclass.enrollment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.mclass.enrollment.idempotency.RedisIdempotencyRecords;
import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorCode;
import com.mclass.platform.web.ErrorMessages;

/**
 * Redis unreachable when an Idempotency-Key's record must be looked up there answers 503 {@code SERVICE_UNAVAILABLE}
 * with {@code Retry-After}: without the record neither this request nor a replay could be answered safely. (Database
 * outages get the same answer from platform-web's {@code DatabaseFailures}, in every service.)
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TransientFailures {

	private static final Logger log = LoggerFactory.getLogger(TransientFailures.class);

	/** As the platform's default for a 503: a Redis failover or reconnect passes within a second or so. */
	static final String RETRY_AFTER_SECONDS = "1";

	private final ErrorMessages messages;

	TransientFailures(ErrorMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RedisIdempotencyRecords.RedisUnavailable.class)
	ResponseEntity<ApiErrorResponse> redisUnavailable(RedisIdempotencyRecords.RedisUnavailable ex) {
		log.warn("Answered 503: {} ({})", ex.getMessage(), String.valueOf(ex.getCause()));
		return serviceUnavailable();
	}

	private ResponseEntity<ApiErrorResponse> serviceUnavailable() {
		ErrorCode code = CommonErrorCode.SERVICE_UNAVAILABLE;
		return ResponseEntity.status(code.httpStatus())
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_JSON)
			.body(ApiErrorResponse.of(code.code(), this.messages.messageFor(code)));
	}

}
