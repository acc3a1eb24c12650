package com.mclass.enrollment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.mclass.enrollment.idempotency.RedisIdempotencyRecords;
import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorCode;
import com.mclass.platform.web.ErrorMessages;

/**
 * Overload is not a bug: no connection free within the pool's timeout, a lock not granted within
 * {@code lock_timeout} ({@link DatabaseErrorTranslation}), or the database refusing connections answers 503
 * {@code SERVICE_UNAVAILABLE} (retry later, nothing was written) instead of the platform's 500 for the unexpected; so
 * does Redis being unreachable when an Idempotency-Key's record must be looked up there. Both with {@code Retry-After}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TransientFailures {

	private static final Logger log = LoggerFactory.getLogger(TransientFailures.class);

	/** Overload and outages here pass within seconds; a client retrying sooner only adds to the queue. */
	private static final String RETRY_AFTER_SECONDS = "1";

	private final ErrorMessages messages;

	TransientFailures(ErrorMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler({ CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class,
			DataAccessResourceFailureException.class,
			PessimisticLockingFailureException.class, QueryTimeoutException.class, TransientDataAccessResourceException.class })
	ResponseEntity<ApiErrorResponse> overloaded(Exception ex) {
		log.warn("Answered 503: the database did not admit the request in time ({})", ex.toString());
		return unavailable();
	}

	@ExceptionHandler(RedisIdempotencyRecords.RedisUnavailable.class)
	ResponseEntity<ApiErrorResponse> redisUnavailable(RedisIdempotencyRecords.RedisUnavailable ex) {
		log.warn("Answered 503: {} ({})", ex.getMessage(), String.valueOf(ex.getCause()));
		return unavailable();
	}

	private ResponseEntity<ApiErrorResponse> unavailable() {
		ErrorCode code = CommonErrorCode.SERVICE_UNAVAILABLE;
		return ResponseEntity.status(code.httpStatus())
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(ApiErrorResponse.of(code.code(), this.messages.messageFor(code)));
	}

}
