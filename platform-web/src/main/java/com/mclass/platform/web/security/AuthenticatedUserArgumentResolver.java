package com.mclass.platform.web.security;

import java.util.Optional;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * Hands controllers the {@link AuthenticatedUser} of the verified token: a parameter of that type requires a login,
 * an {@code Optional<AuthenticatedUser>} parameter serves endpoints open to anonymous callers too.
 */
class AuthenticatedUserArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return AuthenticatedUser.class.equals(parameter.nestedIfOptional().getNestedParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer, NativeWebRequest webRequest,
			WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		AuthenticatedUser user = (authentication != null && authentication.getPrincipal() instanceof Jwt jwt)
				? AuthenticatedUser.from(jwt) : null;
		if (parameter.getParameterType() == Optional.class) {
			return Optional.ofNullable(user);
		}
		if (user == null) {
			throw new ApiException(CommonErrorCode.UNAUTHENTICATED);
		}
		return user;
	}

}
