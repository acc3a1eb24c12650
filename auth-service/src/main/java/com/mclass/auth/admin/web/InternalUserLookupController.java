package com.mclass.auth.admin.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.auth.admin.UserAdministration;
import com.mclass.auth.admin.UserAdministration.KnownUser;
import com.mclass.platform.web.ApiResponse;

/**
 * Accounts by e-mail for enrollment-service's bulk enrollment (an administrator's CSV names students by address).
 * Internal: never routed by the gateway, answered only to a service token (platform-web's {@code ServiceCalls}).
 * {@code POST /internal/users/lookup {"emails": [...]}} → {@code {"data": {"users": [{id, email, name, locale,
 * signUpCompleted, disabled}]}}}; addresses nobody has are simply absent.
 */
@Hidden
@RestController
class InternalUserLookupController {

	/** What one call may ask for; the caller splits a longer list. */
	static final int MAX_EMAILS = 1000;

	private final UserAdministration administration;

	InternalUserLookupController(UserAdministration administration) {
		this.administration = administration;
	}

	@PostMapping("/internal/users/lookup")
	ApiResponse<Found> lookup(@RequestBody @Valid Lookup body) {
		return ApiResponse.ok(new Found(this.administration.lookup(body.emails())));
	}

	record Lookup(@NotNull @Size(max = MAX_EMAILS) List<@NotNull @Size(max = 320) String> emails) {
	}

	record Found(List<KnownUser> users) {
	}

}
