package com.mclass.auth.user.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.auth.user.SignupStatus;
import com.mclass.auth.user.UserView;
import com.mclass.auth.user.Users;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.security.AuthenticatedUser;

@RestController
class MeController {

	private final Users users;

	private final SignupStatus status;

	MeController(Users users, SignupStatus status) {
		this.users = users;
		this.status = status;
	}

	/** The caller as stored now (not as of the token): role and sign-up state may have changed since it was issued. */
	@GetMapping("/api/auth/me")
	ApiResponse<UserView> me(AuthenticatedUser caller) {
		return ApiResponse.ok(this.users.findById(caller.id())
			.map(this.status::view)
			.orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND)));
	}

}
