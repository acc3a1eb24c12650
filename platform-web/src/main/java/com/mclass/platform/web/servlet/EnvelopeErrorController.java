package com.mclass.platform.web.servlet;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorCode;
import com.mclass.platform.web.ErrorMessages;

/**
 * Replaces Boot's whitelabel/JSON error controller for failures that never reach a controller advice (a filter that
 * threw, a request the container rejected), so those too leave in the envelope and without a stack trace.
 */
@Hidden
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class EnvelopeErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorController.class);

	private final ErrorMessages messages;

	EnvelopeErrorController(ErrorMessages messages) {
		this.messages = messages;
	}

	@RequestMapping
	ResponseEntity<ApiErrorResponse> error(HttpServletRequest request) {
		Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (statusAttribute instanceof Integer value) ? value : 500;
		Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (status == 500 && failure instanceof Throwable throwable && dependsOnAnUnavailableService(throwable)) {
			// e.g. auth-service's key set cannot be fetched: the request is fine, a dependency is down
			status = 503;
		}
		if (status >= 500) {
			log.error("Request to {} failed outside the controllers with status {}",
					request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), status,
					(failure instanceof Throwable throwable) ? throwable : null);
		}
		ErrorCode code = CommonErrorCode.forStatus(status);
		if (status == 503) {
			// A dependency that is down now: the client may try again shortly.
			return ResponseEntity.status(status)
				.header(HttpHeaders.RETRY_AFTER, "1")
				.body(ApiErrorResponse.of(code.code(), this.messages.messageFor(code)));
		}
		return ResponseEntity.status(status).body(ApiErrorResponse.of(code.code(), this.messages.messageFor(code)));
	}

	/** Spring Security's word for "could not check the credentials", as opposed to "the credentials are wrong". */
	private static boolean dependsOnAnUnavailableService(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getName().equals("org.springframework.security.authentication.AuthenticationServiceException")) {
				return true;
			}
		}
		return false;
	}

}
