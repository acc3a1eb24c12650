package com.mclass.platform.web.servlet;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorCode;
import com.mclass.platform.web.ErrorDetail;
import com.mclass.platform.web.ErrorMessages;

/**
 * Turns every exception a controller can raise into the error envelope with a stable code, so that no framework page
 * or stack trace reaches a client. Client mistakes are logged at debug; anything unexpected at error with the cause.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/**
	 * How long a client should wait before retrying after a 503 whose exception names no time: overload and outages are
	 * mostly that short.
	 */
	static final String RETRY_AFTER_SECONDS = "1";

	private final ErrorMessages messages;

	ApiExceptionHandler(ErrorMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiErrorResponse> apiException(ApiException ex) {
		ErrorCode code = ex.errorCode();
		String message = (ex.getMessage() != null && !ex.getMessage().equals(code.defaultMessage())) ? ex.getMessage()
				: this.messages.messageFor(code, ex.messageArguments());
		return respond(code, message, ex.details(), ex.retryAfterSeconds());
	}

	@ExceptionHandler(BindException.class) // MethodArgumentNotValidException is a BindException
	ResponseEntity<ApiErrorResponse> bindingFailed(BindException ex) {
		List<ErrorDetail> details = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			details.add(new ErrorDetail(error.getField(), reasonOf(error.getDefaultMessage(), error.getCode())));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> details.add(new ErrorDetail(error.getObjectName(), reasonOf(error.getDefaultMessage(), error.getCode()))));
		return validationFailed(details);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ApiErrorResponse> methodValidationFailed(HandlerMethodValidationException ex) {
		List<ErrorDetail> details = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((error) -> details.add(new ErrorDetail(fieldOf(error, name), reasonOf(error.getDefaultMessage(), null))));
		});
		return validationFailed(details);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ApiErrorResponse> constraintViolated(ConstraintViolationException ex) {
		List<ErrorDetail> details = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new ErrorDetail(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
			.toList();
		return validationFailed(details);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiErrorResponse> unreadableBody(HttpMessageNotReadableException ex) {
		String field = "body";
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			field = JsonPaths.of(databind.getPath());
		}
		String reason = (cause instanceof JacksonException && !(cause instanceof DatabindException))
				? this.messages.text("error.reason.malformedJson", "is not well-formed JSON")
				: (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing"))
						? this.messages.text("error.reason.missingBody", "is required")
						: this.messages.text("error.reason.wrongType", "has the wrong type or format");
		log.debug("Unreadable request body", ex);
		return respond(CommonErrorCode.MALFORMED_REQUEST, this.messages.messageFor(CommonErrorCode.MALFORMED_REQUEST),
				List.of(new ErrorDetail(field, reason)));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiErrorResponse> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return validationFailed(List.of(new ErrorDetail(ex.getName(),
				this.messages.text("error.reason.wrongType", "has the wrong type or format"))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiErrorResponse> missingParameter(MissingServletRequestParameterException ex) {
		return validationFailed(List.of(new ErrorDetail(ex.getParameterName(), this.messages.text("error.reason.required", "is required"))));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ApiErrorResponse> missingHeader(MissingRequestHeaderException ex) {
		return validationFailed(List.of(new ErrorDetail(ex.getHeaderName(), this.messages.text("error.reason.required", "is required"))));
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<ApiErrorResponse> noSuchRoute(Exception ex) {
		return respond(CommonErrorCode.NOT_FOUND);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiErrorResponse> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		return respond(CommonErrorCode.METHOD_NOT_ALLOWED);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiErrorResponse> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return respond(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ApiErrorResponse> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return respond(CommonErrorCode.NOT_ACCEPTABLE);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiErrorResponse> tooLarge(MaxUploadSizeExceededException ex) {
		return respond(CommonErrorCode.PAYLOAD_TOO_LARGE);
	}

	/**
	 * The client went away mid-response (a closed live stream, a dropped connection): nobody is left to answer, and it
	 * is no failure of ours. Answered with nothing, as Spring's own {@code ResponseEntityExceptionHandler} does; an
	 * envelope would fail again (the response is committed, often as {@code text/event-stream}).
	 */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void clientGone(AsyncRequestNotUsableException ex, HttpServletRequest request) {
		log.debug("Client gone during {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiErrorResponse> unexpected(Exception ex, HttpServletRequest request) {
		if (isSecurityException(ex)) {
			// Let Spring Security's ExceptionTranslationFilter answer with 401/403 through its entry points.
			throw sneaky(ex);
		}
		if (ex instanceof ErrorResponse known) {
			// A framework exception that knows its status (ResponseStatusException and friends).
			int status = known.getStatusCode().value();
			if (status >= 500) {
				log.error("{} {} failed with status {}", request.getMethod(), request.getRequestURI(), status, ex);
			}
			return respond(CommonErrorCode.forStatus(status), status);
		}
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(CommonErrorCode.INTERNAL_ERROR);
	}

	private static boolean isSecurityException(Exception ex) {
		for (Class<?> type = ex.getClass(); type != null; type = type.getSuperclass()) {
			String name = type.getName();
			if (name.equals("org.springframework.security.access.AccessDeniedException")
					|| name.equals("org.springframework.security.core.AuthenticationException")) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static <E extends Exception> E sneaky(Exception ex) throws E {
		throw (E) ex;
	}

	private ResponseEntity<ApiErrorResponse> validationFailed(List<ErrorDetail> details) {
		return respond(CommonErrorCode.VALIDATION_FAILED, this.messages.messageFor(CommonErrorCode.VALIDATION_FAILED), details);
	}

	/**
	 * The envelope for a code, for the other advices (platform-web's DatabaseFailures, a service's own for exceptions
	 * it cannot turn into an {@link ApiException}): one place builds it, with its JSON type and a 503's Retry-After.
	 */
	public ResponseEntity<ApiErrorResponse> respondTo(ErrorCode code) {
		return respond(code);
	}

	private ResponseEntity<ApiErrorResponse> respond(ErrorCode code) {
		return respond(code, this.messages.messageFor(code), List.of());
	}

	private ResponseEntity<ApiErrorResponse> respond(ErrorCode code, int status) {
		return envelope(ResponseEntity.status(status), status, OptionalLong.empty())
			.body(ApiErrorResponse.of(code.code(), this.messages.messageFor(code)));
	}

	private ResponseEntity<ApiErrorResponse> respond(ErrorCode code, String message, List<ErrorDetail> details) {
		return respond(code, message, details, OptionalLong.empty());
	}

	private ResponseEntity<ApiErrorResponse> respond(ErrorCode code, String message, List<ErrorDetail> details,
			OptionalLong retryAfterSeconds) {
		return envelope(ResponseEntity.status(HttpStatus.valueOf(code.httpStatus())), code.httpStatus(), retryAfterSeconds)
			.body(ApiErrorResponse.of(code.code(), message, details));
	}

	/**
	 * A refusal that knows when it passes says so ({@code Retry-After} from the exception, a 429 as much as a 503); any
	 * other 503 is a dependency outage or overload: the client may retry, and is told when (RFC 9110). The envelope is
	 * always JSON, whatever the request's {@code Accept} asked for: a stream asked for as {@code text/event-stream} (an
	 * EventSource, the gateway's relay) would otherwise turn every refusal into a bodiless 406, losing its code and
	 * {@code Retry-After}. A preset content type skips Spring's negotiation of the error body.
	 */
	private static ResponseEntity.BodyBuilder envelope(ResponseEntity.BodyBuilder response, int status,
			OptionalLong retryAfterSeconds) {
		response.contentType(MediaType.APPLICATION_JSON);
		if (retryAfterSeconds.isPresent()) {
			return response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds.getAsLong()));
		}
		return (status == HttpStatus.SERVICE_UNAVAILABLE.value()) ? response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
				: response;
	}

	private String reasonOf(String defaultMessage, String code) {
		return (defaultMessage != null) ? defaultMessage : ((code != null) ? code : "is invalid");
	}

	private static String fieldOf(Object error, String parameterName) {
		if (error instanceof FieldError fieldError) {
			return fieldError.getField();
		}
		return parameterName;
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.indexOf('.');
		// "method.argument.field" → "argument.field" is noise for a client; keep what follows the method name.
		return (dot >= 0) ? propertyPath.substring(dot + 1) : propertyPath;
	}

}
