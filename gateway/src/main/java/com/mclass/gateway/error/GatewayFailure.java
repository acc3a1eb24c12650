package com.mclass.gateway.error;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;

import io.netty.handler.timeout.ReadTimeoutException;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorCode;
import com.mclass.platform.web.ErrorDetail;

/**
 * What a client is told about a failure inside the gateway: the HTTP status, the envelope code and, when the thrower
 * said more than the code does, its own message and details.
 *
 * @param message a message chosen by the thrower, or {@code null} for the localized text of the code
 * @param retryAfterSeconds the {@code Retry-After} the thrower chose, if any
 */
record GatewayFailure(int status, ErrorCode code, String message, List<ErrorDetail> details,
		Object[] messageArguments, OptionalLong retryAfterSeconds) {

	private static final Object[] NO_ARGUMENTS = {};

	static GatewayFailure of(Throwable failure) {
		if (failure instanceof ApiException api) {
			ErrorCode code = api.errorCode();
			String message = code.defaultMessage().equals(api.getMessage()) ? null : api.getMessage();
			return new GatewayFailure(code.httpStatus(), code, message, api.details(), api.messageArguments(),
					api.retryAfterSeconds());
		}
		if (failure instanceof ResponseStatusException statusException) {
			// The gateway's own 404 (no route), 405, 503 (no instance) and 504 (response timeout) all arrive here.
			int status = statusException.getStatusCode().value();
			return forStatus(status);
		}
		if (failure instanceof AuthenticationServiceException) {
			// A token could not be checked at all (signing keys or revoked sessions unreachable): not the client's
			// fault, and not a reason to log in again.
			return withCode(CommonErrorCode.SERVICE_UNAVAILABLE);
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException) {
				// Nothing is listening, the name does not resolve, or the connect timeout passed: the service is not
				// there right now, which the client may retry later.
				return withCode(CommonErrorCode.SERVICE_UNAVAILABLE);
			}
			if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException
					|| cause instanceof org.springframework.cloud.gateway.support.TimeoutException) {
				return withCode(CommonErrorCode.GATEWAY_TIMEOUT);
			}
			if (cause instanceof PrematureCloseException) {
				// The service dropped the connection before it answered: it was reached but did not respond properly.
				return withCode(CommonErrorCode.BAD_GATEWAY);
			}
		}
		return withCode(CommonErrorCode.INTERNAL_ERROR);
	}

	/** A bare status that a framework filter set without saying more (e.g. 429 from the rate limiter). */
	static GatewayFailure forStatus(int status) {
		return withCode(status, CommonErrorCode.forStatus(status));
	}

	private static GatewayFailure withCode(ErrorCode code) {
		return withCode(code.httpStatus(), code);
	}

	private static GatewayFailure withCode(int status, ErrorCode code) {
		return new GatewayFailure(status, code, null, List.of(), NO_ARGUMENTS, OptionalLong.empty());
	}

	/** Only failures nobody anticipated are bugs worth a stack trace; the rest are outcomes. */
	boolean isUnexpected() {
		return this.code == CommonErrorCode.INTERNAL_ERROR;
	}

	/** A service that is down, slow or misbehaving: an operator should see it, but it is not a gateway bug. */
	boolean isUpstreamFailure() {
		return this.code == CommonErrorCode.SERVICE_UNAVAILABLE || this.code == CommonErrorCode.GATEWAY_TIMEOUT
				|| this.code == CommonErrorCode.BAD_GATEWAY;
	}

}
