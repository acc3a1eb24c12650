package com.mclass.platform.web.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorCode;
import com.mclass.platform.web.ErrorMessages;

/**
 * 401 and 403 in the envelope. An expired token is told apart ({@code TOKEN_EXPIRED}) so that clients know to
 * refresh rather than log in again.
 */
public class EnvelopeSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ErrorMessages messages;

	public EnvelopeSecurityHandlers(ErrorMessages messages) {
		this.messages = messages;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		ErrorCode code = isExpiry(failure) ? CommonErrorCode.TOKEN_EXPIRED : CommonErrorCode.UNAUTHENTICATED;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		write(response, code);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		write(response, CommonErrorCode.FORBIDDEN);
	}

	private void write(HttpServletResponse response, ErrorCode code) throws IOException {
		response.setStatus(code.httpStatus());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), ApiErrorResponse.of(code.code(), this.messages.messageFor(code)));
	}

	private static boolean isExpiry(AuthenticationException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null
					&& oauth.getError().getDescription().contains("expired")) {
				return true;
			}
			if (cause.getMessage() != null && cause.getMessage().contains("Jwt expired")) {
				return true;
			}
		}
		return false;
	}

}
