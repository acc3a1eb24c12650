package com.mclass.platform.web.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.LocaleResolver;

import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorCode;
import com.mclass.platform.web.ErrorMessages;

/**
 * 401 and 403 in the envelope, and 503 with {@code Retry-After} when the token could not be checked at all
 * ({@link RevocationCheckUnavailableException}). An expired token is told apart ({@code TOKEN_EXPIRED}) so that clients know to
 * refresh rather than log in again.
 */
public class EnvelopeSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

	/** A dependency outage of the token check (Redis, auth-service's keys) is short-lived; the client retries. */
	static final String RETRY_AFTER_SECONDS = "1";

	private static final Logger log = LoggerFactory.getLogger(EnvelopeSecurityHandlers.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ErrorMessages messages;

	private final LocaleResolver localeResolver;

	/**
	 * @param localeResolver the application's resolver: these handlers run in the filter chain, before the
	 * DispatcherServlet would have put the client's language into the locale context
	 */
	public EnvelopeSecurityHandlers(ErrorMessages messages, LocaleResolver localeResolver) {
		this.messages = messages;
		this.localeResolver = localeResolver;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		log.debug("Refused {} {}", request.getMethod(), request.getRequestURI(), failure);
		if (failure instanceof RevocationCheckUnavailableException) {
			log.warn("Answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(), failure.getMessage());
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			write(request, response, CommonErrorCode.SERVICE_UNAVAILABLE);
			return;
		}
		ErrorCode code = isExpiry(failure) ? CommonErrorCode.TOKEN_EXPIRED : CommonErrorCode.UNAUTHENTICATED;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		write(request, response, code);
	}

	/**
	 * A bearer token that failed: refused with 401 like any other, unless it could not be checked at all (an
	 * {@link AuthenticationServiceException}: the revoked sessions or the signing keys unreachable), which is answered
	 * 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After} instead of escaping as a 500.
	 */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		if (failure instanceof AuthenticationServiceException) {
			log.warn("Could not check the token of {} {}: {}", request.getMethod(), request.getRequestURI(),
					rootCause(failure).toString());
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			write(request, response, CommonErrorCode.SERVICE_UNAVAILABLE);
			return;
		}
		commence(request, response, failure);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		write(request, response, CommonErrorCode.FORBIDDEN);
	}

	private void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code) throws IOException {
		response.setStatus(code.httpStatus());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), ApiErrorResponse.of(code.code(),
				this.messages.messageFor(code, this.localeResolver.resolveLocale(request))));
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

	private static boolean isExpiry(AuthenticationException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JwtValidationException invalid) {
				return invalid.getErrors().stream().anyMatch((error) -> mentionsExpiry(error.getDescription()));
			}
			if (cause instanceof OAuth2AuthenticationException oauth && mentionsExpiry(oauth.getError().getDescription())) {
				return true;
			}
			if (mentionsExpiry(cause.getMessage())) {
				return true;
			}
		}
		return false;
	}

	// JwtTimestampValidator's wording ("Jwt expired at …") is the only signal Spring Security gives for expiry.
	private static boolean mentionsExpiry(String description) {
		return description != null && description.contains("Jwt expired");
	}

}
