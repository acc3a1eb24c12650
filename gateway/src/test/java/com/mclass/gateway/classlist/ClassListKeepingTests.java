package com.mclass.gateway.classlist;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

class ClassListKeepingTests {

	@Test
	void keepsPublicAnswersForTheirMaxAge() {
		assertThat(ClassListKeeping.keepableFor("max-age=2, public")).contains(Duration.ofSeconds(2));
		assertThat(ClassListKeeping.keepableFor("Public,MAX-AGE=5")).contains(Duration.ofSeconds(5));
	}

	@Test
	void keepsNothingPrivateUnstorableOrWithoutAPositiveMaxAge() {
		for (String cacheControl : List.of("max-age=2, private", "max-age=2", "public", "max-age=0, public",
				"public, no-store", "no-cache, public, max-age=2", "max-age=two, public", "")) {
			assertThat(ClassListKeeping.keepableFor(cacheControl)).as(cacheControl).isEmpty();
		}
		assertThat(ClassListKeeping.keepableFor(null)).isEmpty();
	}

	@Test
	void servesAStaleCopyForFailuresOfTheTripToClassServiceButNotForRefusalsOfTheRequest() {
		assertThat(ClassListServing.classServiceDidNotAnswer(new ConnectException("refused"))).isTrue();
		assertThat(ClassListServing.classServiceDidNotAnswer(
				new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT)))
			.isTrue();
		assertThat(ClassListServing.classServiceDidNotAnswer(
				new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS)))
			.isFalse();
		assertThat(ClassListServing.classServiceDidNotAnswer(
				new ApiException(CommonErrorCode.PAYLOAD_TOO_LARGE)))
			.isFalse();
	}

	@Test
	void comparesEtagsWeaklyAsIfNoneMatchDoes() {
		assertThat(ClassListServing.matches(List.of("\"x\"", "W/\"a\""), "\"a\"")).isTrue();
		assertThat(ClassListServing.matches(List.of("*"), "\"a\"")).isTrue();
		assertThat(ClassListServing.matches(List.of("\"b\""), "\"a\"")).isFalse();
		assertThat(ClassListServing.matches(List.of(), "\"a\"")).isFalse();
	}

}
