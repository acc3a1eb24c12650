package com.mclass.gateway.error;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorDetail;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayFailureTests {

	@Test
	void refusedConnectionMeansServiceUnavailable() {
		GatewayFailure failure = GatewayFailure.of(new IllegalStateException("routing failed",
				new ConnectException("Connection refused: /127.0.0.1:8084")));

		assertThat(failure.status()).isEqualTo(503);
		assertThat(failure.code()).isEqualTo(CommonErrorCode.SERVICE_UNAVAILABLE);
		assertThat(failure.isUpstreamFailure()).isTrue();
	}

	@Test
	void unknownHostMeansServiceUnavailable() {
		assertThat(GatewayFailure.of(new UnknownHostException("class-service")).code())
			.isEqualTo(CommonErrorCode.SERVICE_UNAVAILABLE);
	}

	@Test
	void connectTimeoutMeansServiceUnavailable() {
		assertThat(GatewayFailure.of(new ConnectTimeoutException("connection timed out")).code())
			.isEqualTo(CommonErrorCode.SERVICE_UNAVAILABLE);
	}

	@Test
	void noInstanceOfTheServiceMeansServiceUnavailable() {
		assertThat(GatewayFailure.of(new NotFoundException("Unable to find instance for class-service")).status())
			.isEqualTo(503);
	}

	@Test
	void responseTimeoutMeansGatewayTimeout() {
		assertThat(GatewayFailure.of(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT)).code())
			.isEqualTo(CommonErrorCode.GATEWAY_TIMEOUT);
		assertThat(GatewayFailure.of(ReadTimeoutException.INSTANCE).code()).isEqualTo(CommonErrorCode.GATEWAY_TIMEOUT);
	}

	@Test
	void aServiceHangingUpMeansBadGateway() {
		PrematureCloseException hangUp = PrematureCloseException.TEST_EXCEPTION;

		assertThat(GatewayFailure.of(hangUp).status()).isEqualTo(502);
	}

	@Test
	void aTokenThatCouldNotBeCheckedMeansServiceUnavailable() {
		// Signing keys or revoked sessions out of reach: the client should retry, not log in again.
		GatewayFailure failure = GatewayFailure.of(new AuthenticationServiceException("Revoked sessions could not be checked"));

		assertThat(failure.status()).isEqualTo(503);
		assertThat(failure.code()).isEqualTo(CommonErrorCode.SERVICE_UNAVAILABLE);
		assertThat(failure.isUpstreamFailure()).isTrue();
	}

	@Test
	void aBareStatusGetsTheCommonCodeOfThatStatus() {
		assertThat(GatewayFailure.forStatus(429).code()).isEqualTo(CommonErrorCode.RATE_LIMITED);
		assertThat(GatewayFailure.forStatus(403).code()).isEqualTo(CommonErrorCode.FORBIDDEN);
	}

	@Test
	void statusExceptionsKeepTheirStatus() {
		GatewayFailure failure = GatewayFailure.of(new MethodNotAllowedException("POST", List.of()));

		assertThat(failure.status()).isEqualTo(405);
		assertThat(failure.code()).isEqualTo(CommonErrorCode.METHOD_NOT_ALLOWED);
		assertThat(failure.isUnexpected()).isFalse();
	}

	@Test
	void apiExceptionsKeepTheirCodeAndDetails() {
		GatewayFailure failure = GatewayFailure.of(new ApiException(CommonErrorCode.VALIDATION_FAILED, null,
				List.of(new ErrorDetail("path", "bad"))));

		assertThat(failure.status()).isEqualTo(400);
		assertThat(failure.message()).isNull();
		assertThat(failure.details()).containsExactly(new ErrorDetail("path", "bad"));
	}

	@Test
	void apiExceptionsKeepTheirRetryAfter() {
		assertThat(GatewayFailure.of(new ApiException(CommonErrorCode.RATE_LIMITED, Duration.ofSeconds(30))).retryAfterSeconds())
			.hasValue(30);
		assertThat(GatewayFailure.of(new ApiException(CommonErrorCode.SERVICE_UNAVAILABLE)).retryAfterSeconds()).isEmpty();
	}

	@Test
	void anythingElseIsAnUnexpectedInternalError() {
		GatewayFailure failure = GatewayFailure.of(new NullPointerException());

		assertThat(failure.status()).isEqualTo(500);
		assertThat(failure.code()).isEqualTo(CommonErrorCode.INTERNAL_ERROR);
		assertThat(failure.isUnexpected()).isTrue();
	}

}
