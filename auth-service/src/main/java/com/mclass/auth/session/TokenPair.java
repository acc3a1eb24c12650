package com.mclass.auth.session;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.mclass.auth.user.UserView;

/**
 * The answer to every successful sign-in: register, login, refresh, social exchange (and, without a refresh token,
 * complete-signup).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn, UserView user) {

	public static final String BEARER = "Bearer";

}
