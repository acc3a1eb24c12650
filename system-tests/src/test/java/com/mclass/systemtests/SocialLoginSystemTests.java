package com.mclass.systemtests;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.mclass.launcher.LocalPlatform;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Social login end to end, as a person does it on a local platform: the browser starts at the gateway, signs in on the
 * mock provider's login page, comes back through the gateway's callback and lands on the front-end URL with a
 * one-time code, which the front-end trades for the platform's tokens.
 */
@ExtendWith(RunningPlatform.class)
class SocialLoginSystemTests {

	@Test
	void signsInWithGoogleUnderAName(Gateway gateway, LocalPlatform platform) {
		String suffix = suffix();

		JsonNode user = signIn(new Browser(gateway, platform), "google", "Park Jisoo " + suffix);

		assertThat(user.path("provider").asString()).isEqualTo("GOOGLE");
		assertThat(user.path("name").asString()).isEqualTo("Park Jisoo " + suffix);
		assertThat(user.path("email").asString()).isEqualTo("park.jisoo." + suffix + "@gmail.example");
		assertThat(user.path("signUpCompleted").asBoolean()).isFalse();
	}

	@Test
	void signsInWithKakaoUnderAnEmailAddress(Gateway gateway, LocalPlatform platform) {
		String suffix = suffix();

		JsonNode user = signIn(new Browser(gateway, platform), "kakao", "Minsu." + suffix + "@Example.com");

		assertThat(user.path("provider").asString()).isEqualTo("KAKAO");
		assertThat(user.path("name").asString()).isEqualTo("Minsu." + suffix);
		assertThat(user.path("email").asString()).isEqualTo("minsu." + suffix + "@example.com");
	}

	@Test
	void signsInWithNaverUnderAKoreanName(Gateway gateway, LocalPlatform platform) {
		String suffix = suffix();

		JsonNode user = signIn(new Browser(gateway, platform), "naver", "이네이버 " + suffix);

		assertThat(user.path("provider").asString()).isEqualTo("NAVER");
		assertThat(user.path("name").asString()).isEqualTo("이네이버 " + suffix);
		assertThat(user.path("email").asString()).isEqualTo(suffix + "@naver.example");
	}

	@Test
	void theSameNameSignsInAsTheSameUserAgain(Gateway gateway, LocalPlatform platform) {
		String name = "Kim Haneul " + suffix();

		JsonNode first = signIn(new Browser(gateway, platform), "kakao", name);
		// Another browser, the same words in another case: the same Kakao user, so the same MClass account.
		JsonNode second = signIn(new Browser(gateway, platform), "kakao", name.toUpperCase());
		JsonNode elsewhere = signIn(new Browser(gateway, platform), "naver", name);

		assertThat(second.path("id").asString()).isEqualTo(first.path("id").asString());
		assertThat(elsewhere.path("id").asString()).isNotEqualTo(first.path("id").asString());
	}

	@Test
	void cancellingAtTheProviderEndsOnTheFrontEndWithAccessDenied(Gateway gateway, LocalPlatform platform) {
		Browser browser = new Browser(gateway, platform);
		URI authorization = browser.startAt("google");

		Browser.Page back = browser.post(authorization, Map.of("username", "", "cancel", "access_denied"));
		Browser.Page landing = browser.get(back.location());

		assertThat(landing.status()).isEqualTo(302);
		assertThat(landing.location().toString()).startsWith(browser.frontEnd() + "?");
		Map<String, String> query = Browser.query(landing.location());
		assertThat(query).containsEntry("error", "SOCIAL_LOGIN_FAILED").containsEntry("reason", "access_denied");
		assertThat(query).doesNotContainKey("code");
	}

	@Test
	void theFrontEndStandInRedeemsTheCodeThroughTheGateway(Gateway gateway, LocalPlatform platform) {
		Browser browser = new Browser(gateway, platform);
		String name = "Choi Byeol " + suffix();
		URI landing = browser.landingAfterSigningIn("naver", name);

		Browser.Page page = browser.post(browser.frontEnd(), Map.of("code", Browser.query(landing).get("code")));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Signed in as " + name, "NAVER", "TOKEN=ey");
	}

	@Test
	void aCodePlantedInAnotherBrowserIsRefused(Gateway gateway, LocalPlatform platform) {
		// The attacker finishes a login of their own and sends the code to a victim (login CSRF): the victim's browser
		// does not have the attacker's binding cookie.
		String code = Browser.query(new Browser(gateway, platform).landingAfterSigningIn("kakao", "Attacker " + suffix())).get("code");

		Browser.Page planted = new Browser(gateway, platform).exchange(code);
		Gateway.Reply withoutCookie = gateway.post("/api/auth/social/exchange", "{\"code\":\"%s\"}".formatted(code), Map.of());

		assertThat(planted.status()).isEqualTo(401);
		assertThat(planted.body()).contains("INVALID_EXCHANGE_CODE");
		assertThat(withoutCookie.status()).isEqualTo(401);
	}

	/**
	 * The whole round trip; returns {@code GET /api/auth/me} of the signed-in user, after checking that the token
	 * pair's user is the same one.
	 */
	private static JsonNode signIn(Browser browser, String provider, String login) {
		URI landing = browser.landingAfterSigningIn(provider, login);
		String code = Browser.query(landing).get("code");
		assertThat(code).isNotBlank();

		// The front-end redeems it from the browser that signed in: the binding cookie set by the callback goes along.
		Browser.Page exchange = browser.exchange(code);
		assertThat(exchange.status()).as(exchange.body()).isEqualTo(200);
		JsonNode tokens = new Gateway.Reply(exchange.status(), Map.of(), exchange.body()).json().path("data");
		assertThat(tokens.path("refreshToken").asString()).isNotBlank();
		// The code works once.
		assertThat(browser.exchange(code).status()).isEqualTo(401);

		Gateway.Reply me = browser.gateway().get("/api/auth/me", Gateway.bearer(tokens.path("accessToken").asString()));
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		JsonNode user = me.json().path("data");
		assertThat(user.path("id").asString()).isEqualTo(tokens.path("user").path("id").asString());
		return user;
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A browser of its own (cookies, no automatic redirects) that visits the gateway, the mock provider's pages and the
	 * front-end stand-in, following each redirect by hand so that every hop is checked.
	 */
	private static final class Browser {

		private final Gateway gateway;

		private final URI provider;

		private final URI frontEnd;

		private final HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.build();

		Browser(Gateway gateway, LocalPlatform platform) {
			this.gateway = gateway;
			this.provider = platform.oauthMockUrl().orElseThrow();
			this.frontEnd = platform.socialLoginRedirectUrl().orElseThrow();
		}

		Gateway gateway() {
			return this.gateway;
		}

		URI frontEnd() {
			return this.frontEnd;
		}

		/** The gateway's redirect to the provider: state, PKCE and where to come back, bound to this browser. */
		URI startAt(String provider) {
			Page start = get(this.gateway.url().resolve("/api/auth/" + provider));
			assertThat(start.status()).as(start.body()).isEqualTo(302);
			URI authorization = start.location();
			assertThat(authorization.toString()).startsWith(this.provider + "/" + provider + "/authorize?");
			Map<String, String> query = query(authorization);
			assertThat(query.get("state")).hasSizeGreaterThan(20);
			assertThat(query.get("code_challenge")).hasSize(43);
			assertThat(query).containsEntry("code_challenge_method", "S256")
				.containsEntry("response_type", "code")
				.containsEntry("client_id", "mclass-" + provider + "-dev")
				.containsEntry("redirect_uri", this.gateway.url().resolve("/api/auth/" + provider + "/callback").toString());
			return authorization;
		}

		/** Signs in on the provider's login page and follows the redirects to the front-end; returns where it landed. */
		URI landingAfterSigningIn(String provider, String login) {
			URI authorization = startAt(provider);
			Page loginPage = get(authorization);
			assertThat(loginPage.status()).as(loginPage.body()).isEqualTo(200);
			assertThat(loginPage.body()).contains("<form method=\"post\">", "name=\"username\"");

			Page signedIn = post(authorization, Map.of("username", login));
			assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
			URI callback = signedIn.location();
			assertThat(callback.toString()).startsWith(this.gateway.url().resolve("/api/auth/" + provider + "/callback?").toString());
			assertThat(query(callback)).containsEntry("state", query(authorization).get("state"));

			Page back = get(callback);
			assertThat(back.status()).as(back.body()).isEqualTo(302);
			URI landing = back.location();
			assertThat(landing.toString()).startsWith(this.frontEnd + "?code=");
			Page frontEndPage = get(landing);
			assertThat(frontEndPage.status()).isEqualTo(200);
			assertThat(frontEndPage.body()).contains(query(landing).get("code"));
			return landing;
		}

		Page get(URI uri) {
			return send(HttpRequest.newBuilder(uri).GET());
		}

		/** The front-end's exchange call, from this browser (with its cookies), through the gateway. */
		Page exchange(String code) {
			return send(HttpRequest.newBuilder(this.gateway.url().resolve("/api/auth/social/exchange"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"%s\"}".formatted(code))));
		}

		Page post(URI uri, Map<String, String> form) {
			StringBuilder body = new StringBuilder();
			form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
				.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
			return send(HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
		}

		private Page send(HttpRequest.Builder request) {
			try {
				HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
						HttpResponse.BodyHandlers.ofString());
				return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
						response.body());
			}
			catch (IOException ex) {
				throw new IllegalStateException("Browser request failed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		static Map<String, String> query(URI uri) {
			Map<String, String> query = new HashMap<>();
			if (uri.getRawQuery() != null) {
				for (String pair : uri.getRawQuery().split("&")) {
					String[] parts = pair.split("=", 2);
					query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
							URLDecoder.decode((parts.length > 1) ? parts[1] : "", StandardCharsets.UTF_8));
				}
			}
			return query;
		}

		record Page(int status, String locationHeader, String body) {

			URI location() {
				assertThat(this.locationHeader).as("a redirect (HTTP %d)", this.status).isNotNull();
				return URI.create(this.locationHeader);
			}

		}

	}

}
