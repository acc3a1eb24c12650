package com.mclass.auth.social.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.auth.session.TokenPair;
import com.mclass.auth.social.SocialExchange;
import com.mclass.platform.web.ApiResponse;

@RestController
class SocialExchangeController {

	private final SocialExchange exchange;

	SocialExchangeController(SocialExchange exchange) {
		this.exchange = exchange;
	}

	/**
	 * Public: the code from the social-login redirect, together with the binding cookie the same redirect set in
	 * this browser, is the credential, good once, for a minute.
	 */
	@PostMapping("/api/auth/social/exchange")
	@Operation(summary = "Exchange a social-login code for tokens",
			description = "Body {code} from the front-end landing page's URL. Must come from the browser that finished the "
					+ "login: its HttpOnly cookie mclass_social_binding (set by the callback, Path=/) is required, so "
					+ "send the request from the same site with credentials. The code is good once, for 60 s. "
					+ "401 INVALID_EXCHANGE_CODE (unknown, expired, used, or without this browser's cookie), "
					+ "403 ACCOUNT_DISABLED, 400 VALIDATION_FAILED (code).")
	ApiResponse<TokenPair> exchange(@Valid @RequestBody ExchangeRequest request,
			@CookieValue(name = "mclass_social_binding", required = false) String binding, HttpServletResponse response) {
		// Spent either way: the cookie goes with the code.
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from("mclass_social_binding", "").path("/").maxAge(0).build().toString());
		return ApiResponse.ok(this.exchange.exchange(request.code(), (binding != null && binding.length() <= 200) ? binding : null));
	}

	record ExchangeRequest(@NotBlank @Size(max = 200) String code) {
	}

}
