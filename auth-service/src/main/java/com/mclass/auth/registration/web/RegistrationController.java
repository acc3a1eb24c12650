package com.mclass.auth.registration.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.auth.registration.Registration;
import com.mclass.auth.registration.SignupCompletion;
import com.mclass.auth.session.Sessions;
import com.mclass.auth.session.TokenPair;
import com.mclass.auth.user.AcceptablePassword;
import com.mclass.auth.user.Language;
import com.mclass.auth.user.User;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.security.AuthenticatedUser;

@RestController
@RequestMapping("/api/auth")
class RegistrationController {

	private final Registration registration;

	private final SignupCompletion completion;

	private final Sessions sessions;

	RegistrationController(Registration registration, SignupCompletion completion, Sessions sessions) {
		this.registration = registration;
		this.completion = completion;
		this.sessions = sessions;
	}

	/** Public. Signs the new user in: the answer carries a token pair. */
	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse<TokenPair> register(@Valid @RequestBody RegisterRequest request) {
		User user = this.registration.register(request.email(), request.password(), request.name(), request.termIds(),
				Language.of(LocaleContextHolder.getLocale()));
		return ApiResponse.ok(this.sessions.start(user));
	}

	/**
	 * Authenticated. Answers with a new access token in the same session (no refresh token: the one the client has
	 * stays valid), so the client can use {@code signup_completed} at once.
	 */
	@PostMapping("/complete-signup")
	ApiResponse<TokenPair> completeSignup(@Valid @RequestBody CompleteSignupRequest request, AuthenticatedUser caller) {
		User user = this.completion.complete(caller.id(), request.name(), request.termIds());
		return ApiResponse.ok(this.sessions.reissue(user, caller.sessionId()));
	}

	/** E-mail is trimmed and lower-cased before validation, so " A@B.com " registers as "a@b.com". */
	record RegisterRequest(@NotBlank @Size(max = 254) @Email(regexp = EMAIL) String email,
			@NotBlank @AcceptablePassword String password, @NotBlank @Size(max = 50) String name,
			@NotNull @Size(max = 20) List<@NotNull UUID> termIds) {

		RegisterRequest {
			email = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
			name = (name != null) ? name.strip() : null;
		}

	}

	record CompleteSignupRequest(@NotBlank @Size(max = 50) String name, @NotNull @Size(max = 20) List<@NotNull UUID> termIds) {

		CompleteSignupRequest {
			name = (name != null) ? name.strip() : null;
		}

	}

	/** Something@domain.tld, no spaces: stricter than Bean Validation's default, which accepts "a@b". */
	static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

}
