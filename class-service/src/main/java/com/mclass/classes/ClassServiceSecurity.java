package com.mclass.classes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.mclass.platform.web.security.ResourceServerDefaults;

/**
 * The platform's resource-server rules plus class-service's own: reads of classes and forms are open
 * ({@code mclass.security.public-paths}), every write to {@code /api/mclasses/**} needs an admin (401 without a token,
 * 403 with a user's), and the {@code /internal/**} reads enrollment-service falls back on are open here because the
 * gateway never routes them and the network policy keeps them inside the cluster. Routes that do not exist answer 404
 * rather than 401.
 */
@Configuration(proxyBeanMethods = false)
class ClassServiceSecurity {

	@Bean
	SecurityFilterChain classServiceSecurityFilterChain(HttpSecurity http, ResourceServerDefaults defaults) throws Exception {
		defaults.apply(http).authorizeHttpRequests((requests) -> requests
			.requestMatchers(HttpMethod.POST, "/api/mclasses", "/api/mclasses/**").hasRole("ADMIN")
			.requestMatchers(HttpMethod.PUT, "/api/mclasses/**").hasRole("ADMIN")
			.requestMatchers(HttpMethod.PATCH, "/api/mclasses/**").hasRole("ADMIN")
			.requestMatchers(HttpMethod.DELETE, "/api/mclasses/**").hasRole("ADMIN")
			.anyRequest().access(defaults.signedInOrUnknownRoute()));
		return http.build();
	}

}
