package com.mclass.auth.social.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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

	/** Public: the code from the social-login redirect is the credential, good once, for a minute. */
	@PostMapping("/api/auth/social/exchange")
	ApiResponse<TokenPair> exchange(@Valid @RequestBody ExchangeRequest request) {
		return ApiResponse.ok(this.exchange.exchange(request.code()));
	}

	record ExchangeRequest(@NotBlank @Size(max = 200) String code) {
	}

}
