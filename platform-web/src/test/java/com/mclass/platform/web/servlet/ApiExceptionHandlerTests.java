package com.mclass.platform.web.servlet;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.ErrorCode;
import com.mclass.platform.web.ErrorDetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = ApiExceptionHandlerTests.SampleController.class, properties = "spring.web.locale=ko")
@Import(ApiExceptionHandlerTests.SampleController.class)
@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTests {

	@Autowired
	MockMvc mvc;

	@Test
	void successKeepsTheSuccessEnvelope() throws Exception {
		this.mvc.perform(get("/samples/7"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.success").value(true))
			.andExpect(jsonPath("$.data.id").value(7))
			.andExpect(jsonPath("$.message").doesNotExist());
	}

	@Test
	void everyInvalidFieldIsListedNotOnlyTheFirst() throws Exception {
		this.mvc.perform(post("/samples").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"email\":\"nope\",\"seats\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.success").value(false))
			.andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.error.details[*].field").value(containsInAnyOrder("name", "email", "seats")));
	}

	@Test
	void malformedJsonIsA400NamingTheBody() throws Exception {
		this.mvc.perform(post("/samples").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.code").value("MALFORMED_REQUEST"))
			.andExpect(jsonPath("$.error.details[0].field").value("body"));
	}

	@Test
	void wrongTypeInTheBodyNamesTheField() throws Exception {
		this.mvc.perform(post("/samples").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"a\",\"email\":\"a@b.co\",\"seats\":\"many\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.code").value("MALFORMED_REQUEST"))
			.andExpect(jsonPath("$.error.details[0].field").value("seats"));
	}

	@Test
	void missingBodyIsA400() throws Exception {
		this.mvc.perform(post("/samples").contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.code").value("MALFORMED_REQUEST"));
	}

	@Test
	void malformedPathVariableIsA400NotA500() throws Exception {
		this.mvc.perform(get("/samples/abc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.error.details[0].field").value("id"));
	}

	@Test
	void missingParameterAndHeaderAreNamed() throws Exception {
		this.mvc.perform(get("/samples/search"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.details[0].field").value("q"));
		this.mvc.perform(post("/samples/keyed"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.details[0].field").value("Idempotency-Key"));
	}

	@Test
	void methodValidationOnParametersNamesTheParameter() throws Exception {
		this.mvc.perform(get("/samples/search").param("q", "x").param("size", "1000"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.details[0].field").value("size"));
	}

	@Test
	void domainExceptionKeepsItsCodeStatusAndDetails() throws Exception {
		this.mvc.perform(post("/samples/full"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error.code").value("SAMPLE_FULL"))
			.andExpect(jsonPath("$.error.details[0].field").value("seats"));
	}

	@Test
	void aServiceUnavailableAnswerTellsTheClientWhenToRetry() throws Exception {
		this.mvc.perform(post("/samples/unavailable"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.error.code").value("SERVICE_UNAVAILABLE"))
			.andExpect(header().string("Retry-After", "1"));
		this.mvc.perform(post("/samples/full")).andExpect(header().doesNotExist("Retry-After"));
	}

	@Test
	void aRefusalThatKnowsWhenItPassesSaysSoInRetryAfter() throws Exception {
		this.mvc.perform(post("/samples/throttled"))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.error.code").value("RATE_LIMITED"))
			.andExpect(header().string("Retry-After", "30"));
		// The exception's time replaces the default of a 503, it is not sent beside it.
		this.mvc.perform(post("/samples/full-replica"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().stringValues("Retry-After", "10"));
		// Part of a second is rounded up: a client coming back sooner would only be refused again.
		this.mvc.perform(post("/samples/throttled-briefly")).andExpect(header().string("Retry-After", "2"));
	}

	@Test
	void aRefusedEventStreamKeepsTheRetryAfterOfItsException() throws Exception {
		this.mvc.perform(get("/samples/1/live").accept(MediaType.TEXT_EVENT_STREAM))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Content-Type", containsString("application/json")))
			.andExpect(header().stringValues("Retry-After", "10"))
			.andExpect(jsonPath("$.error.code").value("SERVICE_UNAVAILABLE"));
	}

	@Test
	void unexpectedFailureIsA500EnvelopeWithoutInternals() throws Exception {
		this.mvc.perform(get("/samples/boom"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.error.code").value("INTERNAL_ERROR"))
			.andExpect(content().string(not(containsString("secret-detail"))));
	}

	@Test
	void aClientThatWentAwayIsNeitherAnsweredNorLoggedAsAFailure(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/samples/gone")).andExpect(content().string(""));
		assertThat(output).doesNotContain("Unexpected failure").doesNotContain("Failure in @ExceptionHandler");
	}

	@Test
	void unsupportedMethodAndMediaTypeUseTheEnvelope() throws Exception {
		this.mvc.perform(put("/samples/7"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.error.code").value("METHOD_NOT_ALLOWED"));
		this.mvc.perform(post("/samples").contentType(MediaType.TEXT_PLAIN).content("hi"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.error.code").value("UNSUPPORTED_MEDIA_TYPE"));
	}

	@Test
	void aRefusedEventStreamIsAnsweredWithTheEnvelopeNotA406() throws Exception {
		// EventSource (and the gateway's relay) ask for text/event-stream only; the refusal must still reach them.
		this.mvc.perform(get("/samples/7/live").header("Last-Event-ID", "drop table").accept(MediaType.TEXT_EVENT_STREAM))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/json")))
			.andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.error.details[0].field").value("Last-Event-ID"));
		this.mvc.perform(get("/samples/0/live").accept(MediaType.TEXT_EVENT_STREAM))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(jsonPath("$.error.code").value("SERVICE_UNAVAILABLE"));
	}

	@Test
	void aResponseTypeNobodyProducesIsA406WithTheEnvelope() throws Exception {
		this.mvc.perform(get("/samples/7").accept(MediaType.APPLICATION_XML))
			.andExpect(status().isNotAcceptable())
			.andExpect(jsonPath("$.error.code").value("NOT_ACCEPTABLE"));
	}

	@Test
	void messagesFollowAcceptLanguageWithKoreanAsDefault() throws Exception {
		this.mvc.perform(get("/samples/abc"))
			.andExpect(jsonPath("$.error.message").value("요청 값이 올바르지 않습니다."));
		this.mvc.perform(get("/samples/abc").header("Accept-Language", "en"))
			.andExpect(jsonPath("$.error.message").value("The request is invalid."))
			.andExpect(header().string("Content-Type", containsString("application/json")));
	}

	static final ErrorCode SAMPLE_FULL = new ErrorCode("SAMPLE_FULL", 409, "Full.");

	record SampleRequest(@NotBlank String name, @Email @NotBlank String email, @Min(1) int seats) {
	}

	@RestController
	static class SampleController {

		@GetMapping("/samples/{id}")
		ApiResponse<Map<String, Long>> one(@PathVariable long id) {
			return ApiResponse.ok(Map.of("id", id));
		}

		@PostMapping("/samples")
		ApiResponse<SampleRequest> create(@Valid @RequestBody SampleRequest request) {
			return ApiResponse.ok(request);
		}

		@GetMapping("/samples/search")
		ApiResponse<String> search(@RequestParam String q, @RequestParam(defaultValue = "20") @jakarta.validation.constraints.Max(100) int size) {
			return ApiResponse.ok(q);
		}

		@PostMapping("/samples/keyed")
		ApiResponse<String> keyed(@RequestHeader("Idempotency-Key") String key) {
			return ApiResponse.ok(key);
		}

		@PostMapping("/samples/full")
		ApiResponse<String> full() {
			throw new ApiException(SAMPLE_FULL, null, List.of(new ErrorDetail("seats", "none left")));
		}

		@PostMapping("/samples/unavailable")
		ApiResponse<String> unavailable() {
			throw new ApiException(com.mclass.platform.web.CommonErrorCode.SERVICE_UNAVAILABLE);
		}

		@PostMapping("/samples/throttled")
		ApiResponse<String> throttled() {
			throw new ApiException(com.mclass.platform.web.CommonErrorCode.RATE_LIMITED, Duration.ofSeconds(30));
		}

		@PostMapping("/samples/throttled-briefly")
		ApiResponse<String> throttledBriefly() {
			throw new ApiException(com.mclass.platform.web.CommonErrorCode.RATE_LIMITED, Duration.ofMillis(1_200));
		}

		@PostMapping("/samples/full-replica")
		ApiResponse<String> fullReplica() {
			throw new ApiException(com.mclass.platform.web.CommonErrorCode.SERVICE_UNAVAILABLE, Duration.ofSeconds(10));
		}

		@GetMapping(path = "/samples/{id}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		SseEmitter live(@PathVariable long id, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
			if (id == 0) {
				throw new ApiException(com.mclass.platform.web.CommonErrorCode.SERVICE_UNAVAILABLE);
			}
			if (id == 1) {
				throw new ApiException(com.mclass.platform.web.CommonErrorCode.SERVICE_UNAVAILABLE, Duration.ofSeconds(10));
			}
			throw new ApiException(com.mclass.platform.web.CommonErrorCode.VALIDATION_FAILED, null,
					List.of(new ErrorDetail("Last-Event-ID", "must be an id of an earlier event")));
		}

		@GetMapping("/samples/boom")
		ApiResponse<String> boom() {
			throw new IllegalStateException("secret-detail");
		}

		@GetMapping("/samples/gone")
		ApiResponse<String> gone() throws IOException {
			throw new AsyncRequestNotUsableException("ServletResponse failed to flushBuffer", new IOException("Broken pipe"));
		}

	}

	@SpringBootApplication
	static class SampleApplication {

	}

}
