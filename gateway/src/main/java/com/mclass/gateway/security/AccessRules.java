package com.mclass.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import com.mclass.platform.web.security.RequestHeaderRules;

/**
 * Who may call what through the gateway. The first matching rule decides, so the narrow exceptions come first. The
 * services apply their own rules again behind it; this list only has to be at least as strict as theirs.
 */
final class AccessRules {

	/** Signing up, logging in, the social-login round trip and the mailbox proofs: the ways to obtain or recover a token. */
	static final String[] AUTH_ACTIONS = { "/api/auth/register", "/api/auth/login", "/api/auth/refresh",
			"/api/auth/social/exchange", "/api/auth/verify-email", "/api/auth/password-reset",
			"/api/auth/password-reset/confirm" };

	/** The link in the verification mail, opened in a browser without a token. */
	static final String[] MAIL_LINKS = { "/api/auth/verify-email" };

	static final String[] SOCIAL_LOGIN = { "/api/auth/{provider:google|kakao|naver}",
			"/api/auth/{provider:google|kakao|naver}/callback" };

	/** Browsing: the terms to agree to, classes, their forms and seats left. */
	static final String[] BROWSING = { "/api/terms", "/api/mclasses", "/api/mclasses/**" };

	/** Enrollments are personal even though they sit under the browsable class paths. */
	static final String[] PERSONAL_UNDER_BROWSING = { "/api/mclasses/*/enrollments", "/api/mclasses/*/enrollments/**" };

	/** Probes, metrics and the API documentation, whatever the method. */
	static final String[] OPERATIONS = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**" };

	private AccessRules() {
	}

	/**
	 * The sign-in actions ignore any Authorization header: a client refreshing because its access token expired, and
	 * still sending it, must not be turned away with TOKEN_EXPIRED by the very endpoint that fixes that.
	 */
	static ServerAuthenticationConverter ignoringTokensOnSignIn() {
		ServerWebExchangeMatcher signIn = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, AUTH_ACTIONS);
		ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
		return (exchange) -> signIn.matches(exchange).flatMap((match) -> {
			if (match.isMatch()) {
				return Mono.empty();
			}
			// The usual header without the converter's regular expression; anything else it answers as ever.
			String token = RequestHeaderRules.wellFormedBearerToken(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
			return (token != null) ? Mono.just(new BearerTokenAuthenticationToken(token)) : bearer.convert(exchange);
		});
	}

	static void apply(AuthorizeExchangeSpec exchanges, UnroutedPaths unroutedPaths) {
		exchanges.pathMatchers(PERSONAL_UNDER_BROWSING)
			.authenticated()
			.pathMatchers(HttpMethod.POST, AUTH_ACTIONS)
			.permitAll()
			.pathMatchers(HttpMethod.GET, SOCIAL_LOGIN)
			.permitAll()
			.pathMatchers(HttpMethod.GET, MAIL_LINKS)
			.permitAll()
			.pathMatchers(HttpMethod.GET, BROWSING)
			.permitAll()
			.pathMatchers(OPERATIONS)
			.permitAll()
			.pathMatchers("/api/admin/**")
			.hasRole("ADMIN")
			// A path no route serves reaches routing and its 404, whoever asks.
			.matchers(unroutedPaths)
			.permitAll()
			// Everything a route serves and no rule above opens: deny by default, so a route added later is never
			// public by accident.
			.anyExchange()
			.authenticated();
	}

}
