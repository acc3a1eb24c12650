package com.mclass.auth.social;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

import com.mclass.auth.user.Language;
import com.mclass.auth.user.Provider;
import com.mclass.auth.user.User;

/**
 * Ends the provider's round trip in the front-end: on success with a one-time {@code code} to exchange for tokens
 * (bound to this browser by the {@value SocialCookies#BINDING_COOKIE} cookie set here),
 * on failure with {@code error=SOCIAL_LOGIN_FAILED} and the OAuth2 {@code reason} (e.g. {@code access_denied} when the
 * user cancelled, {@code authorization_request_not_found} for an unknown or foreign state, {@code account_disabled}).
 */
class SocialLoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(SocialLoginHandlers.class);

	private final SocialSignIn signIn;

	private final ExchangeCodes codes;

	private final SocialCookies cookies;

	private final LocaleResolver locales;

	private final String redirectUrl;

	SocialLoginHandlers(SocialSignIn signIn, ExchangeCodes codes, SocialCookies cookies, LocaleResolver locales, String redirectUrl) {
		this.signIn = signIn;
		this.codes = codes;
		this.cookies = cookies;
		this.locales = locales;
		this.redirectUrl = redirectUrl;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		// The provider's identity is only a step towards our own tokens; nothing about it is kept in the request.
		SecurityContextHolder.clearContext();
		OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
		Provider provider = Provider.ofRegistrationId(token.getAuthorizedClientRegistrationId())
			.orElseThrow(() -> new IllegalStateException("Unknown provider " + token.getAuthorizedClientRegistrationId()));
		SocialProfile profile = SocialProfile.of(provider, token.getPrincipal());
		if (profile.socialId() == null) {
			redirectWithError(response, "missing_user_id");
			return;
		}
		User user = this.signIn.signIn(profile, Language.of(this.locales.resolveLocale(request)));
		if (user.isDisabled()) {
			redirectWithError(response, "account_disabled");
			return;
		}
		ExchangeCodes.Issued issued = this.codes.issue(user.getId());
		// The code is good only together with this cookie, which only this browser has.
		response.addHeader(HttpHeaders.SET_COOKIE,
				this.cookies.cookie(SocialCookies.BINDING_COOKIE, issued.binding(), this.codes.ttl()).toString());
		response.sendRedirect(UriComponentsBuilder.fromUriString(this.redirectUrl).queryParam("code", issued.code()).build().toUriString());
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		String reason = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode() : "authentication_failed";
		log.info("Social login failed: {}", reason);
		log.debug("Social login failure", exception);
		redirectWithError(response, reason);
	}

	private void redirectWithError(HttpServletResponse response, String reason) throws IOException {
		response.sendRedirect(UriComponentsBuilder.fromUriString(this.redirectUrl)
			.queryParam("error", "SOCIAL_LOGIN_FAILED")
			.queryParam("reason", reason)
			.encode()
			.build()
			.toUriString());
	}

}
