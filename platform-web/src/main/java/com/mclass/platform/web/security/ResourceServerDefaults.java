package com.mclass.platform.web.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security rules every MClass service starts from: stateless bearer tokens checked against auth-service's
 * keys, errors in the envelope, probes and API docs open, {@code /api/admin/**} for admins only, {@code /internal/**}
 * for other services only ({@link ServiceCalls}), and the service's own public paths. A service that needs more (auth-service's social login) builds its own chain on top of
 * {@link #apply(HttpSecurity)}; the default chain then closes with {@link #signedInOrUnknownRoute()}.
 */
public class ResourceServerDefaults {

	private static final String[] OPERATIONS_PATHS = { "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error" };

	private final MclassSecurityProperties properties;

	private final EnvelopeSecurityHandlers handlers;

	private final UnmappedRequests unmappedRequests;

	private final List<RequestMatcher> publicPaths;

	private final List<RequestMatcher> signInPaths;

	private final AuthenticationManager userTokens;

	private final AuthenticationManager serviceTokens;

	ResourceServerDefaults(MclassSecurityProperties properties, EnvelopeSecurityHandlers handlers, UnmappedRequests unmappedRequests,
			JwtDecoder userTokenDecoder, ServiceCalls serviceCalls) {
		this.properties = properties;
		this.handlers = handlers;
		this.unmappedRequests = unmappedRequests;
		JwtAuthenticationProvider users = new JwtAuthenticationProvider(userTokenDecoder);
		users.setJwtAuthenticationConverter(roleConverter());
		this.userTokens = users::authenticate;
		this.serviceTokens = serviceCalls.authenticationManager();
		this.publicPaths = properties.publicPaths().stream().map(ResourceServerDefaults::matcherOf).toList();
		this.signInPaths = properties.signInPaths().stream().map(ResourceServerDefaults::matcherOf).toList();
	}

	/**
	 * The baseline of every MClass filter chain: a stateless JSON API behind the gateway, so no CSRF tokens, no CORS
	 * here (the gateway answers it), no basic, form or logout endpoints, no saved requests and no HTTP session.
	 */
	public static HttpSecurity statelessApi(HttpSecurity http) throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.cors(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
	}

	public HttpSecurity apply(HttpSecurity http) throws Exception {
		statelessApi(http)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(this.handlers).accessDeniedHandler(this.handlers))
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(this.handlers)
				.accessDeniedHandler(this.handlers)
				.bearerTokenResolver(ignoringSignInPaths())
				// /internal/** takes service tokens only, everything else users' tokens only (ServiceCalls)
				.authenticationManagerResolver((request) -> ServiceCalls.INTERNAL_PATHS.matches(request) ? this.serviceTokens
						: this.userTokens)
				// A token that could not be checked (Redis or the signing keys unreachable) is answered 503 with
				// Retry-After; by default the filter rethrows it and it ends as a 500.
				.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
					@Override
					public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(ResourceServerDefaults.this.handlers);
						return filter;
					}
				}))
			.authorizeHttpRequests((requests) -> {
				requests.requestMatchers(ServiceCalls.INTERNAL_PATHS).hasAuthority(ServiceCalls.AUTHORITY);
				requests.requestMatchers(OPERATIONS_PATHS).permitAll();
				requests.requestMatchers("/api/admin/**").hasRole("ADMIN");
				this.publicPaths.forEach((publicPath) -> requests.requestMatchers(publicPath).permitAll());
				this.signInPaths.forEach((signInPath) -> requests.requestMatchers(signInPath).permitAll());
			});
		return http;
	}

	/**
	 * Signed in, or asking for a route nothing handles: those reach MVC's 404, so a client can tell a typo from a
	 * missing login. The route lookup only happens for callers without a valid token.
	 */
	public AuthorizationManager<RequestAuthorizationContext> signedInOrUnknownRoute() {
		AuthenticatedAuthorizationManager<RequestAuthorizationContext> signedIn = AuthenticatedAuthorizationManager.authenticated();
		return (authentication, context) -> {
			AuthorizationResult result = signedIn.authorize(authentication, context);
			if (result != null && result.isGranted()) {
				return result;
			}
			return new AuthorizationDecision(this.unmappedRequests.matches(context.getRequest()));
		};
	}

	/**
	 * Sign-in endpoints ignore the Authorization header: a client refreshing because its access token expired, and
	 * still sending it, must not be turned away with TOKEN_EXPIRED by the very endpoint that fixes that.
	 */
	private BearerTokenResolver ignoringSignInPaths() {
		DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();
		return (HttpServletRequest request) -> {
			for (RequestMatcher signInPath : this.signInPaths) {
				if (signInPath.matches(request)) {
					return null;
				}
			}
			// The usual header without the resolver's regular expression; anything else the resolver answers as ever.
			String token = RequestHeaderRules.wellFormedBearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
			return (token != null) ? token : delegate.resolve(request);
		};
	}

	private static RequestMatcher matcherOf(String publicPath) {
		String[] parts = publicPath.trim().split("\\s+", 2);
		return (parts.length == 2) ? PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(parts[0]), parts[1])
				: PathPatternRequestMatcher.withDefaults().matcher(parts[0]);
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
