package com.mclass.auth.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

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
	SecurityFilterChain apiFilterChain(HttpSecurity http, ResourceServerDefaults defaults) throws Exception {
		defaults.apply(http).authorizeHttpRequests((requests) -> requests.anyRequest().access(defaults.signedInOrUnknownRoute()));
		return http.build();
	}

}
