package com.mclass.loadtests.floor.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The floor of {@code ./mclass bench}: what a request through a Spring Cloud Gateway costs on this machine when the
 * gateway does nothing but check an RS256 access token against a JWKS and pass the request on (one route, see
 * {@code application.properties}). No rate limit, revocation check, tracing, actuator or error envelope: the
 * difference between this and MClass's gateway is what MClass adds.
 * <p>
 * It reads the platform's own JWKS (auth-service), so the benchmark's student tokens work unchanged and the token
 * checked is the same size, key and algorithm as on the platform.
 */
@SpringBootApplication
public class FloorGateway {

	public static void main(String[] args) {
		SpringApplication.run(FloorGateway.class, args);
	}

	/** Every request needs a valid token; nothing else (stateless, no CSRF: bearer tokens only). */
	@Bean
	SecurityWebFilterChain validTokensOnly(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.build();
	}

}
