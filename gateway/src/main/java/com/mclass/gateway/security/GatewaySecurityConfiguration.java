package com.mclass.gateway.security;

import java.time.Clock;

import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import com.mclass.platform.web.security.AuthenticatedUser;
import com.mclass.platform.web.security.MclassSecurityProperties;
import com.mclass.platform.web.security.RequestHeaderRules;
import com.mclass.platform.web.security.RevocationMirror;
import com.mclass.platform.web.security.RevocationMirrorMetrics;

/**
 * The gateway as an OAuth2 resource server: the same token rules as every service ({@code mclass.security.*}, shared
 * with platform-web), applied before a request is routed so that a bad token never costs a service anything. Stateless:
 * no session, no saved request, no CSRF token (nothing rides on cookies). A token sent to a public route is still
 * checked, and refused with 401 if it is bad, as bearer-token servers do: a client learns at once that it must refresh.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(MclassSecurityProperties.class)
class GatewaySecurityConfiguration {

	@Bean
	SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, AccessTokens accessTokens,
			ObjectProvider<RouteLocator> routes) {
		UnroutedPaths unroutedPaths = new UnroutedPaths(() -> routes.getObject().getRoutes());
		SecurityRefusals refusals = new SecurityRefusals();
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			// Uses the CorsConfigurationSource bean; answers preflights before authentication is asked for.
			.cors(Customizer.withDefaults())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(refusals)
				.accessDeniedHandler(refusals)
				.bearerTokenConverter(AccessRules.ignoringTokensOnSignIn())
				.jwt((jwt) -> jwt.jwtDecoder(accessTokens).jwtAuthenticationConverter(roleFromClaim())))
			.authorizeExchange((exchanges) -> AccessRules.apply(exchanges, unroutedPaths))
			.build();
	}

	/**
	 * Spring Security's firewall with its own header rules, checked without regular expressions
	 * ({@link RequestHeaderRules}: the same answers, a tenth of the CPU for an access token's header).
	 */
	@Bean
	ServerWebExchangeFirewall exchangeFirewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(RequestHeaderRules.HEADER_NAME);
		firewall.setAllowedHeaderValues(RequestHeaderRules.HEADER_VALUE);
		return firewall;
	}

	@Bean
	AccessTokens accessTokens(MclassSecurityProperties properties, SessionRevocations revocations) {
		return AccessTokens.verifiedWith(properties, revocations);
	}

	@Bean
	SessionRevocations sessionRevocations(RevocationMirror mirror, ReactiveStringRedisTemplate redis,
			MclassSecurityProperties properties) {
		return new SessionRevocations(mirror, redis, properties.revocationCacheTtl(), Clock.systemUTC());
	}

	@Bean
	RevocationMirror revocationMirror(MclassSecurityProperties properties) {
		return RevocationMirror.of(properties, Clock.systemUTC());
	}

	@Bean
	RevocationMirrorPolling revocationMirrorPolling(RevocationMirror mirror, ReactiveStringRedisTemplate redis,
			MclassSecurityProperties properties) {
		return new RevocationMirrorPolling(mirror, redis, properties.revocationPollInterval(),
				properties.revocationCacheTtl());
	}

	@Bean
	RevocationMirrorMetrics revocationMirrorMetrics(RevocationMirror mirror) {
		return new RevocationMirrorMetrics(mirror);
	}

	/** {@code role: ADMIN} becomes {@code ROLE_ADMIN}, as in the services, so that {@code hasRole("ADMIN")} works. */
	static ReactiveJwtAuthenticationConverter roleFromClaim() {
		ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> Flux.<GrantedAuthority>just(
				new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString(AuthenticatedUser.ROLE_CLAIM))));
		return converter;
	}

}
