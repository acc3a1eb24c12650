package com.mclass.auth.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import com.mclass.platform.web.security.MclassSecurityProperties;
import com.mclass.platform.web.security.ResourceServerDefaults;

/**
 * The API chain: the platform's resource-server rules (probes and docs open, {@code /api/admin/**} for ADMIN, this
 * service's {@code mclass.security.public-paths}), routes nothing handles reach MVC's 404, and everything else needs
 * a valid access token. It runs after
 * the social-login chain, which claims only the provider paths.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

	@Bean
	@Order(2)
	SecurityFilterChain apiFilterChain(HttpSecurity http, ResourceServerDefaults defaults, MclassSecurityProperties properties,
			HandlerMappingIntrospector handlerMappings) throws Exception {
		defaults.apply(http)
			.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(ignoringPublicPaths(properties.publicPaths())))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(new UnmappedRequests(handlerMappings))
				.permitAll()
				.anyRequest()
				.authenticated());
		return http.build();
	}

	/**
	 * Public endpoints ignore the Authorization header. Otherwise a client refreshing because its access token expired,
	 * and still sending it, would be turned away with TOKEN_EXPIRED by the very endpoint that fixes that.
	 */
	static BearerTokenResolver ignoringPublicPaths(List<String> publicPaths) {
		List<RequestMatcher> matchers = publicPaths.stream().map(ApiSecurity::matcherOf).toList();
		DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();
		return (HttpServletRequest request) -> {
			for (RequestMatcher matcher : matchers) {
				if (matcher.matches(request)) {
					return null;
				}
			}
			return delegate.resolve(request);
		};
	}

	private static RequestMatcher matcherOf(String publicPath) {
		String[] parts = publicPath.trim().split("\\s+", 2);
		return (parts.length == 2) ? PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(parts[0]), parts[1])
				: PathPatternRequestMatcher.withDefaults().matcher(parts[0]);
	}

}
