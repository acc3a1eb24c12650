package com.mclass.enrollment.enrollment.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.mclass.enrollment.EnrollmentErrorCode;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.security.AuthenticatedUser;

/**
 * With {@code mclass.auth.require-verified-email} (the production setting; off by default so the plan's register →
 * login → enroll flow works without a mailbox), enrolling needs an access token whose {@code email_verified} claim is
 * true: 403 {@code EMAIL_NOT_VERIFIED} otherwise, before anything is recorded (no idempotency record either, so the
 * same key works once the user verified and refreshed the token). Read from the token, no call to auth-service.
 */
@Configuration(proxyBeanMethods = false)
class VerifiedEmailRequirement implements HandlerInterceptor, WebMvcConfigurer {

	private final boolean required;

	VerifiedEmailRequirement(@Value("${mclass.auth.require-verified-email:false}") boolean required) {
		this.required = required;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		if (this.required) {
			registry.addInterceptor(this).addPathPatterns("/api/mclasses/*/enrollments");
		}
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if ("POST".equals(request.getMethod()) && !emailVerified(SecurityContextHolder.getContext().getAuthentication())) {
			throw new ApiException(EnrollmentErrorCode.EMAIL_NOT_VERIFIED);
		}
		return true;
	}

	/** Anonymous callers pass here: the security chain answers them 401 first. */
	static boolean emailVerified(Authentication authentication) {
		if (authentication == null) {
			return true;
		}
		Object claim = null;
		if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token) {
			Map<String, Object> attributes = token.getTokenAttributes();
			claim = attributes.get(AuthenticatedUser.EMAIL_VERIFIED_CLAIM);
		}
		else if (authentication.getPrincipal() instanceof Jwt jwt) {
			claim = jwt.getClaims().get(AuthenticatedUser.EMAIL_VERIFIED_CLAIM);
		}
		else if (!authentication.isAuthenticated()) {
			return true;
		}
		return Boolean.TRUE.equals(claim);
	}

}
