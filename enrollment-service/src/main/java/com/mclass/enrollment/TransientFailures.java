package com.mclass.enrollment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.mclass.enrollment.idempotency.RedisIdempotencyRecords;
import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.servlet.ApiExceptionHandler;

/**
 * Redis unreachable when an Idempotency-Key's record must be looked up there answers 503 {@code SERVICE_UNAVAILABLE}
 * with {@code Retry-After}: without the record neither this request nor a replay could be answered safely. (Database
 * outages get the same answer from platform-web's {@code DatabaseFailures}, in every service; both envelopes come from
 * the shared {@link ApiExceptionHandler}.)
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TransientFailures {

	private static final Logger log = LoggerFactory.getLogger(TransientFailures.class);

	private final ApiExceptionHandler envelopes;

	TransientFailures(ApiExceptionHandler envelopes) {
		this.envelopes = envelopes;
	}

	@ExceptionHandler(RedisIdempotencyRecords.RedisUnavailable.class)
	ResponseEntity<ApiErrorResponse> redisUnavailable(RedisIdempotencyRecords.RedisUnavailable ex) {
		log.warn("Answered 503: {} ({})", ex.getMessage(), String.valueOf(ex.getCause()));
		return this.envelopes.respondTo(CommonErrorCode.SERVICE_UNAVAILABLE);
	}

}
