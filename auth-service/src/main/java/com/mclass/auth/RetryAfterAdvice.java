package com.mclass.auth;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.ErrorMessages;

/** The envelope plus the {@code Retry-After} header, which the platform's handler does not add. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RetryAfterAdvice {

	private final ErrorMessages messages;

	RetryAfterAdvice(ErrorMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RetryLater.class)
	ResponseEntity<ApiErrorResponse> retryLater(RetryLater ex) {
		return ResponseEntity.status(ex.errorCode().httpStatus())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(ApiErrorResponse.of(ex.errorCode().code(), this.messages.messageFor(ex.errorCode())));
	}

}
