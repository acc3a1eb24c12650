package com.mclass.auth.admin.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.auth.admin.UserAdministration;
import com.mclass.auth.admin.UserAdministration.AdminUserView;
import com.mclass.auth.user.Role;
import com.mclass.auth.user.UserView;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.security.AuthenticatedUser;

/** ADMIN only, by the platform rule on {@code /api/admin/**} (checked again at the gateway). */
@RestController
@RequestMapping("/api/admin/users")
@Validated
class AdminUserController {

	private final UserAdministration administration;

	AdminUserController(UserAdministration administration) {
		this.administration = administration;
	}

	/** Pages count from 0, as everywhere in MClass; totals in {@code meta}. */
	@GetMapping
	ApiResponse<List<AdminUserView>> users(@RequestParam(defaultValue = "") @Size(max = 100) String query,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		UserAdministration.UserPage found = this.administration.search(query, page, size);
		return ApiResponse.ok(found.users(), new PageMeta(found.page(), found.size(), found.totalElements(), found.totalPages()));
	}

	@PutMapping("/{id}/role")
	ApiResponse<UserView> changeRole(@PathVariable UUID id, @Valid @RequestBody RoleChange request, AuthenticatedUser caller) {
		return ApiResponse.ok(this.administration.changeRole(id, Role.valueOf(request.role()), caller.id()));
	}

	/**
	 * Changes the role and/or disables (or re-enables) the account; at least one of the two. A changed role or a
	 * disabled account ends every session of the user at once.
	 */
	@PutMapping("/{id}")
	@Operation(summary = "Change a user's role or disable the account",
			description = "Body {role?: USER|ADMIN, disabled?: boolean}, at least one. A changed role or disabling ends every "
					+ "session of the user: refresh tokens die at once, access tokens are refused everywhere within about a "
					+ "second; a disabled user cannot log in, refresh or use social login (403 ACCOUNT_DISABLED) until "
					+ "re-enabled. 400 VALIDATION_FAILED (role, or neither given), 403, 404 NOT_FOUND, "
					+ "409 CANNOT_CHANGE_OWN_ROLE / CANNOT_DISABLE_OWN_ACCOUNT.")
	ApiResponse<UserView> update(@PathVariable UUID id, @Valid @RequestBody UserChange request, AuthenticatedUser caller) {
		return ApiResponse.ok(this.administration.update(id,
				new UserAdministration.Change((request.role() != null) ? Role.valueOf(request.role()) : null, request.disabled()),
				caller.id()));
	}

	record UserChange(@Pattern(regexp = "USER|ADMIN", message = "{validation.role}") String role, Boolean disabled) {

		@AssertTrue(message = "{validation.userChange.empty}")
		@JsonIgnore
		boolean isAnyChange() {
			return this.role != null || this.disabled != null;
		}

	}

	record RoleChange(@NotNull @Pattern(regexp = "USER|ADMIN", message = "{validation.role}") String role) {
	}

	record PageMeta(int page, int size, long totalElements, int totalPages) {
	}

}
