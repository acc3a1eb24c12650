package com.mclass.auth.login.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.auth.login.ClientAddresses;
import com.mclass.auth.login.LoginThrottled;
import com.mclass.auth.login.PasswordLogin;
import com.mclass.auth.session.TokenPair;
import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.ErrorMessages;

@RestController
class LoginController {

	private final PasswordLogin login;

	private final ClientAddresses clientAddresses;

	private final ErrorMessages messages;

	LoginController(PasswordLogin login, ClientAddresses clientAddresses, ErrorMessages messages) {
		this.login = login;
		this.clientAddresses = clientAddresses;
		this.messages = messages;
	}

	/** Public. */
	@PostMapping("/api/auth/login")
	ApiResponse<TokenPair> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return ApiResponse.ok(this.login.login(request.email(), request.password(), this.clientAddresses.of(http)));
	}

	/** 429 in the envelope plus the Retry-After header, which the platform's handler cannot add. */
	@ExceptionHandler(LoginThrottled.class)
	ResponseEntity<ApiErrorResponse> throttled(LoginThrottled ex) {
		return ResponseEntity.status(ex.errorCode().httpStatus())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(ApiErrorResponse.of(ex.errorCode().code(), this.messages.messageFor(ex.errorCode())));
	}

	/** No policy here beyond presence and a sane length: old passwords stay usable if the policy tightens. */
	record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password) {

		LoginRequest {
			email = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
		}

	}

}
