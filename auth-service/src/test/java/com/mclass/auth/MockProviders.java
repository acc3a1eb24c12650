package com.mclass.auth;

import java.util.List;
import java.util.Map;
import java.util.Set;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * One in-process mock OAuth2 server per test JVM, standing in for Google, Kakao and Naver (issuers {@code google},
 * {@code kakao}, {@code naver}). Its userinfo endpoint answers with the claims of the access token it issued, so a
 * test shapes each provider's user-info document by the claims of the callback it enqueues.
 */
public final class MockProviders {

	private static MockOAuth2Server server;

	private MockProviders() {
	}

	public static synchronized MockOAuth2Server server() {
		if (server == null) {
			// Netty rather than the default okhttp MockWebServer: the OpenTelemetry exporter puts okhttp 5 on the
			// classpath, which MockWebServer 4 cannot run on.
			MockOAuth2Server started = new MockOAuth2Server(
					new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(), Set.of(), new NettyWrapper(null)));
			started.start();
			Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown, "mock-oauth2-stop"));
			server = started;
		}
		return server;
	}

	public static String baseUrl() {
		String url = server().baseUrl().toString();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/** The next token request at {@code issuer} gets {@code subject} and these claims (also its userinfo answer). */
	public static void enqueue(String issuer, String subject, Map<String, Object> claims) {
		server().enqueueCallback(new DefaultOAuth2TokenCallback(issuer, subject, "JWT", null, claims, 3600));
	}

	/** Puts the mock's address where application.yml looks for it, before the context starts. */
	public static class ContextCustomizerFactory implements org.springframework.test.context.ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
			return new Customizer();
		}

	}

	/** A record: equal for every test class, so it never splits the context cache. */
	record Customizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("mockOAuthProviders", Map.of("mclass.auth.social.mock-url", baseUrl())));
		}

	}

}
