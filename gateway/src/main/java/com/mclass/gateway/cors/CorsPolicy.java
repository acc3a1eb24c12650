package com.mclass.gateway.cors;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Which browser front ends may call the API, applied by the security chain before authentication (a preflight carries
 * no token). Tokens travel in the {@code Authorization} header, never in cookies, so credentials are not allowed and
 * no origin can ride on a user's cookies. Without configured origins there is no CORS policy: browsers keep to the
 * same origin and non-browser clients are unaffected.
 */
@Configuration(proxyBeanMethods = false)
class CorsPolicy {

	static final List<String> ALLOWED_HEADERS = List.of("Authorization", "Content-Type", "Idempotency-Key",
			"Accept-Language", "X-Request-Id", "Queue-Ticket", "Last-Event-ID");

	static final List<String> EXPOSED_HEADERS = List.of("X-Request-Id", "Retry-After", "Idempotent-Replayed",
			"X-RateLimit-Remaining", "X-RateLimit-Replenish-Rate", "X-RateLimit-Burst-Capacity");

	@Bean
	CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		List<String> origins = properties.allowedOrigins().stream().filter((origin) -> !origin.isBlank()).toList();
		if (!origins.isEmpty()) {
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOriginPatterns(origins);
			cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
			cors.setAllowedHeaders(ALLOWED_HEADERS);
			cors.setExposedHeaders(EXPOSED_HEADERS);
			cors.setAllowCredentials(false);
			cors.setMaxAge(properties.maxAge());
			source.registerCorsConfiguration("/**", cors);
		}
		return source;
	}

}
