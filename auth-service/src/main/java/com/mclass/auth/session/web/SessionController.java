package com.mclass.auth.session.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.auth.session.Sessions;
import com.mclass.auth.session.TokenPair;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.security.AuthenticatedUser;

@RestController
@RequestMapping("/api/auth")
class SessionController {

	private final Sessions sessions;

	SessionController(Sessions sessions) {
		this.sessions = sessions;
	}

	/** Public: the refresh token is the credential. */
	@PostMapping("/refresh")
	ApiResponse<TokenPair> refresh(@Valid @RequestBody RefreshRequest request) {
		return ApiResponse.ok(this.sessions.refresh(request.refreshToken()));
	}

	/** Ends the caller's session: its refresh token dies and its access tokens are refused within about a second. */
	@PostMapping("/logout")
	ApiResponse<Void> logout(AuthenticatedUser user) {
		this.sessions.end(user.sessionId());
		return ApiResponse.ok(null);
	}

	/** Ends every session of the caller, on every device: refresh tokens die, access tokens are refused within about a second. */
	@PostMapping("/logout-all")
	@Operation(summary = "Sign out everywhere", description = "Ends every session of the signed-in user: their refresh "
			+ "tokens stop working at once and their access tokens (this one included) are refused everywhere within about "
			+ "a second. Answers {\"success\":true,\"data\":{\"sessionsEnded\":n}}. 401 without a valid token.")
	ApiResponse<LoggedOut> logoutAll(AuthenticatedUser user) {
		return ApiResponse.ok(new LoggedOut(this.sessions.endAll(user.id(), "logout-all")));
	}

	record LoggedOut(long sessionsEnded) {
	}

	record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
	}

}
