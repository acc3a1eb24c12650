package com.mclass.platform.web.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.mclass.platform.web.ErrorMessages;
import com.mclass.platform.web.servlet.ServletEnvelopeAutoConfiguration;

/**
 * Makes every servlet service an OAuth2 resource server on auth-service's keys (defence in depth behind the
 * gateway): RS256 only, {@code iss}, {@code aud}, expiry and live session checked, roles from the {@code role} claim.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class },
		after = ServletEnvelopeAutoConfiguration.class)
@ConditionalOnClass({ BearerTokenAuthenticationFilter.class, JwtDecoder.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(MclassSecurityProperties.class)
public class ResourceServerSecurityAutoConfiguration {

	/** auth-service down must not hold requests: the keys are kept once fetched, so this rarely matters. */
	private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(3);

	/**
	 * Spring Security's firewall with its own header rules, checked without regular expressions
	 * ({@link RequestHeaderRules}: the same answers, a tenth of the CPU for an access token's header).
	 */
	@Bean
	@ConditionalOnMissingBean(HttpFirewall.class)
	StrictHttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(RequestHeaderRules.HEADER_NAME);
		firewall.setAllowedHeaderValues(RequestHeaderRules.HEADER_VALUE);
		return firewall;
	}

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(MclassSecurityProperties properties, RevokedSessions revokedSessions, PublishedKeys keys) {
		Clock clock = Clock.systemUTC();
		AccessTokenRules rules = new AccessTokenRules(properties, clock);
		NimbusJwtDecoder signedTokens = NimbusJwtDecoder.withJwkSource(keys.asJwkSource(JWKS_TIMEOUT))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		signedTokens.setJwtValidator(rules.claims());
		return new AccessTokenDecoder(signedTokens,
				new VerifiedTokenCache(properties.verifiedTokenCacheSize(), rules, clock), revokedSessions);
	}

	/**
	 * auth-service's published keys, fetched lazily and shared by users' and services' tokens. The keys live where
	 * auth-service lives, so one setting (MCLASS_AUTH_URL) points a service at both.
	 */
	@Bean
	@ConditionalOnMissingBean
	PublishedKeys authServiceKeys(MclassSecurityProperties properties, Environment environment) {
		String jwksUri = (properties.jwksUri() != null && !properties.jwksUri().isBlank()) ? properties.jwksUri()
				: environment.resolvePlaceholders("${MCLASS_AUTH_URL:http://localhost:8081}/.well-known/jwks.json");
		return PublishedKeys.fetchedFrom(URI.create(jwksUri), properties.jwksRefetchInterval(), JWKS_TIMEOUT, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	EnvelopeSecurityHandlers envelopeSecurityHandlers(ErrorMessages messages, LocaleResolver localeResolver) {
		return new EnvelopeSecurityHandlers(messages, localeResolver);
	}

	@Bean
	@ConditionalOnMissingBean
	ResourceServerDefaults resourceServerDefaults(MclassSecurityProperties properties, EnvelopeSecurityHandlers handlers,
			HandlerMappingIntrospector handlerMappings, JwtDecoder jwtDecoder, ServiceCalls serviceCalls) {
		return new ResourceServerDefaults(properties, handlers, new UnmappedRequests(handlerMappings), jwtDecoder, serviceCalls);
	}

	@Bean
	@ConditionalOnMissingBean
	ServiceCalls serviceCalls(MclassSecurityProperties properties, PublishedKeys keys) {
		return ServiceCalls.verifiedBy(NimbusJwtDecoder.withJwkSource(keys.asJwkSource(JWKS_TIMEOUT))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build(), properties.issuer());
	}

	@Bean
	WebMvcConfigurer authenticatedUserArgument() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new AuthenticatedUserArgumentResolver());
			}
		};
	}

	/**
	 * Revoked sessions answered from a local mirror of Redis' recent revocations while it is current, from Redis
	 * itself otherwise. A service that defines its own {@link RevokedSessions} gets none of this.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(RevokedSessions.class)
	static class MirroredRevocations {

		@Bean
		RevocationMirror revocationMirror(MclassSecurityProperties properties) {
			return RevocationMirror.of(properties, Clock.systemUTC());
		}

		@Bean
		RevocationMirrorPolling revocationMirrorPolling(RevocationMirror mirror, ObjectProvider<StringRedisTemplate> redis,
				MclassSecurityProperties properties) {
			return new RevocationMirrorPolling(mirror, required(redis), properties.revocationPollInterval());
		}

		@Bean
		RevokedSessions revokedSessions(RevocationMirror mirror, ObjectProvider<StringRedisTemplate> redis,
				MclassSecurityProperties properties) {
			return new MirroredRevokedSessions(mirror,
					new RedisRevokedSessions(required(redis), properties.revocationCacheTtl(), Clock.systemUTC()));
		}

		private static StringRedisTemplate required(ObjectProvider<StringRedisTemplate> redis) {
			StringRedisTemplate template = redis.getIfAvailable();
			if (template == null) {
				throw new IllegalStateException("Revoked sessions are checked in Redis: add spring-boot-starter-data-redis "
						+ "or define a RevokedSessions bean");
			}
			return template;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterBinder.class)
		static class Metrics {

			@Bean
			RevocationMirrorMetrics revocationMirrorMetrics(RevocationMirror mirror) {
				return new RevocationMirrorMetrics(mirror);
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	@EnableWebSecurity
	static class DefaultChain {

		@Bean
		SecurityFilterChain mclassSecurityFilterChain(HttpSecurity http, ResourceServerDefaults defaults) throws Exception {
			defaults.apply(http).authorizeHttpRequests((requests) -> requests.anyRequest().access(defaults.signedInOrUnknownRoute()));
			return http.build();
		}

	}

}
