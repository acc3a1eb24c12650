package com.mclass.auth.mailbox.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.auth.mailbox.EmailVerification;
import com.mclass.auth.mailbox.PasswordReset;
import com.mclass.auth.user.AcceptablePassword;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.security.AuthenticatedUser;

@RestController
@RequestMapping("/api/auth")
@Validated
class MailboxController {

	private final EmailVerification verification;

	private final PasswordReset reset;

	MailboxController(EmailVerification verification, PasswordReset reset) {
		this.verification = verification;
		this.reset = reset;
	}

	/** Public: the link in the verification mail. */
	@GetMapping("/verify-email")
	@Operation(summary = "Verify the e-mail address (the mail's link)",
			description = "The link of the verification mail: ?token= (single use, 24 h). Answers "
					+ "{\"success\":true,\"data\":{\"emailVerified\":true}}; the next refreshed access token carries "
					+ "email_verified=true. 400 INVALID_VERIFICATION_TOKEN (unknown, used or expired), 400 VALIDATION_FAILED (token missing).")
	ApiResponse<Verified> verifyLink(@RequestParam @NotBlank @Size(max = 200) String token) {
		return ApiResponse.ok(new Verified(this.verification.verify(token).emailVerified()));
	}

	/** Public: the same for a front-end that reads the token from the link and posts it. */
	@PostMapping("/verify-email")
	@Operation(summary = "Verify the e-mail address (token posted)",
			description = "Body {token} from the verification link. Same answers as GET /api/auth/verify-email: "
					+ "400 INVALID_VERIFICATION_TOKEN, 400 VALIDATION_FAILED (token).")
	ApiResponse<Verified> verify(@Valid @RequestBody TokenRequest request) {
		return ApiResponse.ok(new Verified(this.verification.verify(request.token()).emailVerified()));
	}

	/** Authenticated: the signed-in user asks for the verification mail again. */
	@PostMapping("/verify-email/resend")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send the verification mail again",
			description = "For the signed-in user; 202 when the mail is queued. At most 3 verification mails per recipient "
					+ "per hour (the registration's included): 429 RATE_LIMITED with Retry-After past that. "
					+ "409 EMAIL_ALREADY_VERIFIED, 409 CONFLICT (the account has no e-mail), 401.")
	ApiResponse<Void> resend(AuthenticatedUser caller) {
		this.verification.resend(caller.id());
		return ApiResponse.ok(null);
	}

	/** Public. Always 202, whether or not an account has this e-mail. */
	@PostMapping("/password-reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Ask for a password reset link",
			description = "Body {email}. Always 202 (the answer does not tell whether an account exists); a link valid for "
					+ "one hour is mailed only to an existing, enabled local account, at most 3 times per recipient per hour. "
					+ "400 VALIDATION_FAILED (email).")
	ApiResponse<Void> requestReset(@Valid @RequestBody ResetRequest request) {
		this.reset.request(request.email());
		return ApiResponse.ok(null);
	}

	/** Public: the token from the reset link is the credential. */
	@PostMapping("/password-reset/confirm")
	@Operation(summary = "Set a new password with a reset link's token",
			description = "Body {token, password}. The password policy applies (400 VALIDATION_FAILED naming password). "
					+ "On success every session of the user ends (tokens refused everywhere within about a second) and the "
					+ "address counts as verified; log in with the new password. 400 INVALID_RESET_TOKEN (unknown, used, "
					+ "expired, or the password changed since), 503 SERVICE_UNAVAILABLE with Retry-After when busy.")
	ApiResponse<Void> confirmReset(@Valid @RequestBody ResetConfirmation request) {
		this.reset.confirm(request.token(), request.password());
		return ApiResponse.ok(null);
	}

	record Verified(boolean emailVerified) {
	}

	record TokenRequest(@NotBlank @Size(max = 200) String token) {
	}

	record ResetRequest(@NotBlank @Size(max = 254) @Email String email) {

		ResetRequest {
			email = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
		}

	}

	record ResetConfirmation(@NotBlank @Size(max = 200) String token, @NotBlank @AcceptablePassword String password) {
	}

}
