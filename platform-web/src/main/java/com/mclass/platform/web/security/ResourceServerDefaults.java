package com.mclass.platform.web.security;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The security rules every MClass service starts from: stateless bearer tokens checked against auth-service's
 * keys, errors in the envelope, probes and API docs open, {@code /api/admin/**} for admins only, and the service's
 * own public paths. A service that needs more (auth-service's social login) builds its own chain on top of
 * {@link #apply(HttpSecurity)}; the default chain then closes with "everything else needs a login".
 */
public class ResourceServerDefaults {

	private static final String[] OPERATIONS_PATHS = { "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error" };

	private final MclassSecurityProperties properties;

	private final EnvelopeSecurityHandlers handlers;

	public ResourceServerDefaults(MclassSecurityProperties properties, EnvelopeSecurityHandlers handlers) {
		this.properties = properties;
		this.handlers = handlers;
	}

	public HttpSecurity apply(HttpSecurity http) throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
			.cors(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(this.handlers).accessDeniedHandler(this.handlers))
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(this.handlers)
				.accessDeniedHandler(this.handlers)
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(roleConverter())))
			.authorizeHttpRequests((requests) -> {
				requests.requestMatchers(OPERATIONS_PATHS).permitAll();
				requests.requestMatchers("/api/admin/**").hasRole("ADMIN");
				for (String publicPath : this.properties.publicPaths()) {
					String[] parts = publicPath.trim().split("\\s+", 2);
					if (parts.length == 2) {
						requests.requestMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
					}
					else {
						requests.requestMatchers(parts[0]).permitAll();
					}
				}
			});
		return http;
	}

	/** Maps the {@code role} claim to {@code ROLE_<role>} so that {@code hasRole("ADMIN")} works. */
	static JwtAuthenticationConverter roleConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((Jwt jwt) -> {
			String role = jwt.getClaimAsString(AuthenticatedUser.ROLE_CLAIM);
			return (role != null) ? List.<GrantedAuthority>of(new SimpleGrantedAuthority("ROLE_" + role)) : List.of();
		});
		return converter;
	}

}
