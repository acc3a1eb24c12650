package com.mclass.gateway.error;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorEnvelopesTests {

	private final ErrorEnvelopes envelopes = new ErrorEnvelopes(new ErrorMessagesConfiguration().errorMessages(),
			JsonMapper.builder().build());

	@Test
	void aRefusalThatKnowsWhenItPassesSaysSoInRetryAfter() {
		assertThat(retryAfterOf(new ApiException(CommonErrorCode.RATE_LIMITED, Duration.ofSeconds(30)))).containsExactly("30");
		// The thrower's time replaces the default of a 503, it is not sent beside it.
		assertThat(retryAfterOf(new ApiException(CommonErrorCode.SERVICE_UNAVAILABLE, Duration.ofSeconds(10))))
			.containsExactly("10");
	}

	@Test
	void aServiceUnavailableWithoutATimeGetsTheDefaultAndOtherRefusalsNone() {
		assertThat(retryAfterOf(new ApiException(CommonErrorCode.SERVICE_UNAVAILABLE)))
			.containsExactly(ErrorEnvelopes.RETRY_AFTER_SECONDS);
		assertThat(retryAfterOf(new ApiException(CommonErrorCode.RATE_LIMITED))).isNull();
	}

	private List<String> retryAfterOf(ApiException failure) {
		MockServerHttpResponse response = new MockServerHttpResponse();
		this.envelopes.write(MockServerHttpRequest.get("/api/anything").build(), response, GatewayFailure.of(failure)).block();
		return response.getHeaders().get("Retry-After");
	}

}
