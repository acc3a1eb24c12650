package com.mclass.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorCode;

/**
 * Turns Spring Security's refusals into {@link ApiException}s, which the gateway's error handler answers with the
 * envelope in the client's language: 401 {@code UNAUTHENTICATED}, 401 {@code TOKEN_EXPIRED} (so that clients refresh
 * instead of logging in again) and 403 {@code FORBIDDEN}.
 */
class SecurityRefusals implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private static final Logger log = LoggerFactory.getLogger(SecurityRefusals.class);

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
		log.debug("Refused {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
		// RFC 6750: a presented token that failed is "invalid_token"; a missing one gets the bare challenge.
		boolean tokenPresented = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer");
		ErrorCode code = isExpiry(failure) ? CommonErrorCode.TOKEN_EXPIRED : CommonErrorCode.UNAUTHENTICATED;
		return Mono.error(new Refusal(code));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return Mono.error(new Refusal(CommonErrorCode.FORBIDDEN));
	}

	static boolean isExpiry(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JwtValidationException invalid) {
				return invalid.getErrors().stream().anyMatch((error) -> mentionsExpiry(error.getDescription()));
			}
			if (cause instanceof OAuth2AuthenticationException oauth && mentionsExpiry(oauth.getError().getDescription())) {
				return true;
			}
		}
		return false;
	}

	// JwtTimestampValidator's wording ("Jwt expired at …") is the only signal Spring Security gives for expiry.
	private static boolean mentionsExpiry(String description) {
		return description != null && description.contains("Jwt expired");
	}

	/** An everyday outcome, not a bug: no stack trace. */
	private static final class Refusal extends ApiException {

		Refusal(ErrorCode code) {
			super(code);
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

}
