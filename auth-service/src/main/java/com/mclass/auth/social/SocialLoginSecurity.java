package com.mclass.auth.social;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.servlet.LocaleResolver;

import com.mclass.auth.user.Provider;
import com.mclass.platform.web.security.ResourceServerDefaults;

/**
 * Social login (Google OIDC, Kakao, Naver) on its own filter chain, ahead of the API chain and limited to
 * {@code /api/auth/{provider}} and {@code /api/auth/{provider}/callback}, so the rest of the service stays a plain
 * stateless resource server. Authorization code flow with state and PKCE (S256, also for our confidential clients:
 * it binds the code to this login even if it leaks). No HTTP session anywhere: pending logins live in Redis, bound
 * to the browser by a cookie, and the provider's tokens are dropped once the user is known.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class SocialLoginSecurity {

	static final String BASE_URI = "/api/auth";

	@Bean
	@Order(1)
	SecurityFilterChain socialLoginFilterChain(HttpSecurity http, ClientRegistrationRepository registrations,
			RedisAuthorizationRequests authorizationRequests, SocialLoginHandlers handlers,
			@Value("${mclass.gateway-url}") String publicUrl) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, BASE_URI);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		ResourceServerDefaults.statelessApi(http.securityMatcher(socialPaths()))
			.securityContext((context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.addFilterBefore(new PublicUrlFilter(publicUrl), OAuth2AuthorizationRequestRedirectFilter.class)
			.oauth2Login((login) -> login
				.authorizationEndpoint((authorization) -> authorization.authorizationRequestRepository(authorizationRequests)
					.authorizationRequestResolver(resolver))
				.redirectionEndpoint((redirection) -> redirection.baseUri(BASE_URI + "/*/callback"))
				.authorizedClientRepository(new DiscardedAuthorizedClients())
				.successHandler(handlers)
				.failureHandler(handlers))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	private static String[] socialPaths() {
		List<String> paths = new ArrayList<>();
		for (Provider provider : Provider.values()) {
			if (provider != Provider.LOCAL) {
				paths.add(BASE_URI + "/" + provider.registrationId());
				paths.add(BASE_URI + "/" + provider.registrationId() + "/callback");
			}
		}
		return paths.toArray(String[]::new);
	}

	/**
	 * The registrations of {@code spring.security.oauth2.client.*}, with Google's expected issuer set from
	 * {@code mclass.auth.social.google-issuer} (Boot would only set it through a discovery request at startup).
	 */
	@Bean
	ClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties, SocialProperties social) {
		List<ClientRegistration> registrations = new ArrayList<>();
		new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().forEach((id, registration) -> {
			if (Provider.GOOGLE.registrationId().equals(id) && social.googleIssuer() != null && !social.googleIssuer().isBlank()) {
				registration = ClientRegistration.withClientRegistration(registration).issuerUri(social.googleIssuer()).build();
			}
			registrations.add(registration);
		});
		return new InMemoryClientRegistrationRepository(registrations);
	}

	@Bean
	SocialCookies socialCookies(SocialProperties social, @Value("${mclass.gateway-url}") String publicUrl) {
		return SocialCookies.of(social.stateCookieSecure(), publicUrl);
	}

	@Bean
	RedisAuthorizationRequests redisAuthorizationRequests(StringRedisTemplate redis, JsonMapper json, SocialProperties social,
			SocialCookies cookies) {
		return new RedisAuthorizationRequests(redis, json, social.authorizationRequestTtl(), cookies);
	}

	@Bean
	ExchangeCodes exchangeCodes(StringRedisTemplate redis, SocialProperties social) {
		return new ExchangeCodes(redis, social.codeTtl());
	}

	@Bean
	SocialLoginHandlers socialLoginHandlers(SocialSignIn signIn, ExchangeCodes codes, SocialCookies cookies,
			LocaleResolver localeResolver, SocialProperties social) {
		return new SocialLoginHandlers(signIn, codes, cookies, localeResolver, social.redirectUrl());
	}

	/**
	 * The provider's access token is used once, to read the user's profile; keeping it (Spring's default) would
	 * fill memory with tokens nobody reads.
	 */
	static class DiscardedAuthorizedClients implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal, HttpServletRequest request,
				HttpServletResponse response) {
		}

	}

}
