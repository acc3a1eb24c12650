package com.mclass.auth.login.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.auth.login.ClientAddresses;
import com.mclass.auth.login.PasswordLogin;
import com.mclass.auth.session.TokenPair;
import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.ApiResponse;

@RestController
class LoginController {

	private final PasswordLogin login;

	private final ClientAddresses clientAddresses;

	LoginController(PasswordLogin login, ClientAddresses clientAddresses) {
		this.login = login;
		this.clientAddresses = clientAddresses;
	}

	/** Public. 429 and 503 go out with Retry-After (the exceptions carry it, the platform's handler writes it). */
	@PostMapping("/api/auth/login")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "signed in",
			useReturnTypeSchema = true)
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403",
			description = "ACCOUNT_DISABLED: the password was right, but an admin disabled the account",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ApiErrorResponse.class)))
	ApiResponse<TokenPair> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return ApiResponse.ok(this.login.login(request.email(), request.password(), this.clientAddresses.of(http)));
	}

	/** No policy here beyond presence and a sane length: old passwords stay usable if the policy tightens. */
	record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password) {

		LoginRequest {
			email = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
		}

	}

}
