package com.mclass.launcher.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mclass.launcher.net.LocalPorts;

/**
 * The mock over real HTTP, played from both sides: the browser (login page, form, redirects) and auth-service (the
 * token request with client secret and PKCE verifier, the userinfo call), with the parameters auth-service sends.
 */
class MockOAuthServerTests {

	private static final String CALLBACK = "http://localhost:8080/api/auth/%s/callback";

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final AtomicReference<URI> gateway = new AtomicReference<>();

	private MockOAuthServer mock;

	@BeforeEach
	void start() {
		this.mock = MockOAuthServer.start(0, this.gateway::get);
	}

	@AfterEach
	void stop() {
		this.mock.close();
	}

	@Test
	void googleSignsInWithAnIdTokenSignedByItsIssuersKeys() throws Exception {
		Login login = new Login("google", "openid profile email");

		Tokens tokens = login.signInAs("Park Jisoo");

		SignedJWT idToken = SignedJWT.parse(tokens.json().path("id_token").asString());
		RSAKey key = JWKSet.parse(get(this.mock.url() + "/google/jwks").body()).getKeys().get(0).toRSAKey();
		assertThat(idToken.verify(new RSASSAVerifier(key))).isTrue();
		assertThat(idToken.getJWTClaimsSet().getIssuer()).isEqualTo(this.mock.url() + "/google");
		assertThat(idToken.getJWTClaimsSet().getAudience()).containsExactly("mclass-google-dev");
		assertThat(idToken.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo(login.nonce);
		String subject = MockAccount.of(MockProvider.GOOGLE, "park jisoo").userId();
		assertThat(idToken.getJWTClaimsSet().getSubject()).isEqualTo(subject);
		JsonNode userInfo = tokens.userInfo();
		assertThat(userInfo.path("sub").asString()).isEqualTo(subject);
		assertThat(userInfo.path("email").asString()).isEqualTo("park.jisoo@gmail.example");
		assertThat(userInfo.path("email_verified").asBoolean()).isTrue();
		assertThat(userInfo.path("name").asString()).isEqualTo("Park Jisoo");
	}

	@Test
	void kakaoSignsInWithoutOpenIdAndAnswersWithItsNestedAccount() throws Exception {
		Tokens tokens = new Login("kakao", "profile_nickname account_email").signInAs("minsu@example.com");

		JsonNode userInfo = tokens.userInfo();
		assertThat(userInfo.path("id").isNumber()).isTrue();
		assertThat(userInfo.path("id").asString()).isEqualTo(MockAccount.of(MockProvider.KAKAO, "minsu@example.com").userId());
		JsonNode account = userInfo.path("kakao_account");
		assertThat(account.path("email").asString()).isEqualTo("minsu@example.com");
		assertThat(account.path("is_email_verified").asBoolean()).isTrue();
		assertThat(account.path("profile").path("nickname").asString()).isEqualTo("minsu");
	}

	@Test
	void naverSignsInWithoutOpenIdAndWrapsItsAnswer() throws Exception {
		Tokens tokens = new Login("naver", "name email").signInAs("이네이버");

		JsonNode userInfo = tokens.userInfo();
		assertThat(userInfo.path("resultcode").asString()).isEqualTo("00");
		assertThat(userInfo.path("message").asString()).isEqualTo("success");
		assertThat(userInfo.path("response").path("id").asString())
			.isEqualTo(MockAccount.of(MockProvider.NAVER, "이네이버").userId());
		assertThat(userInfo.path("response").path("name").asString()).isEqualTo("이네이버");
		assertThat(userInfo.path("response").path("email").asString()).endsWith("@naver.example");
	}

	@Test
	void showsALoginPageForThePersonToSayWhoTheyAre() throws Exception {
		Login login = new Login("kakao", "profile_nickname account_email");

		HttpResponse<String> page = get(login.authorizationUrl());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
		assertThat(page.body()).contains("Sign in with Kakao", "<form method=\"post\">", "name=\"username\"",
				"&quot;kakao_account&quot;", login.state);
	}

	@Test
	void extraClaimsFromTheFormWinOverTheGeneratedOnes() throws Exception {
		Tokens tokens = new Login("google", "openid profile email").signInAs("minsu",
				"{\"email_verified\": false, \"locale\": \"ko\"}");

		JsonNode userInfo = tokens.userInfo();
		assertThat(userInfo.path("email_verified").asBoolean()).isFalse();
		assertThat(userInfo.path("locale").asString()).isEqualTo("ko");
		assertThat(userInfo.path("email").asString()).isEqualTo("minsu@gmail.example");
	}

	@Test
	void asksAgainForABlankNameOrClaimsThatAreNoJsonObject() throws Exception {
		Login login = new Login("naver", "name email");

		HttpResponse<String> blank = login.submit(Map.of("username", "  "));
		HttpResponse<String> badClaims = login.submit(Map.of("username", "minsu", "claims", "[1, 2]"));

		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(blank.body()).contains("Type an e-mail address or a name to sign in", "<form method=\"post\">");
		assertThat(badClaims.statusCode()).isEqualTo(400);
		assertThat(badClaims.body()).contains("must be a JSON object", "value=\"minsu\"");
	}

	@Test
	void cancellingSendsTheBrowserBackWithAccessDenied() throws Exception {
		Login login = new Login("kakao", "profile_nickname account_email");

		HttpResponse<String> response = login.submit(Map.of("username", "", "cancel", "access_denied"));

		assertThat(response.statusCode()).isEqualTo(302);
		Map<String, String> query = query(URI.create(response.headers().firstValue("Location").orElseThrow()));
		assertThat(query).containsEntry("error", "access_denied").containsEntry("state", login.state);
		assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK.formatted("kakao") + "?");
	}

	@Test
	void theLandingPageShowsTheCodeAndHowAFrontEndRedeemsIt() throws Exception {
		this.gateway.set(URI.create("http://localhost:18080"));

		HttpResponse<String> page = get(this.mock.landingUrl() + "?code=abc123");
		HttpResponse<String> failure = get(this.mock.landingUrl() + "?error=SOCIAL_LOGIN_FAILED&reason=access_denied");
		HttpResponse<String> index = get(this.mock.url() + "/");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("curl -s http://localhost:18080/api/auth/social/exchange",
				"-d '{\"code\":\"abc123\"}'", "name=\"code\" value=\"abc123\"");
		assertThat(failure.body()).contains("SOCIAL_LOGIN_FAILED — access_denied",
				"href=\"http://localhost:18080/api/auth/kakao\"");
		assertThat(index.body()).contains("http://localhost:18080/api/auth/google", "http://localhost:18080/api/auth/naver");
	}

	@Test
	void theLandingPageRedeemsTheCodeThroughTheGateway() throws Exception {
		HttpServer fakeGateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		AtomicReference<String> exchanged = new AtomicReference<>();
		AtomicReference<String> cookie = new AtomicReference<>();
		fakeGateway.createContext("/api/auth/social/exchange", (exchange) -> {
			exchanged.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			cookie.set(exchange.getRequestHeaders().getFirst("Cookie"));
			respond(exchange, 200, """
					{"success":true,"data":{"accessToken":"access-1","refreshToken":"refresh-1","expiresIn":900,
					"user":{"name":"김카카오","signUpCompleted":false}}}""");
		});
		fakeGateway.createContext("/api/auth/me", (exchange) -> respond(exchange,
				"Bearer access-1".equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401, """
						{"success":true,"data":{"id":"u-1","email":"kim@kakao.example","name":"김카카오","provider":"KAKAO",
						"role":"USER","signUpCompleted":false}}"""));
		fakeGateway.start();
		try {
			this.gateway.set(URI.create("http://localhost:" + fakeGateway.getAddress().getPort()));

			// The browser sends auth-service's binding cookie (set for this host) along with its others.
			HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(this.mock.landingUrl())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", "theme=dark; mclass_social_binding=b1nd-ing_X; other=1")
				.POST(HttpRequest.BodyPublishers.ofString("code=one-time"))
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(exchanged.get()).isEqualTo("{\"code\":\"one-time\"}");
			assertThat(cookie.get()).as("only the binding cookie is forwarded").isEqualTo("mclass_social_binding=b1nd-ing_X");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("Signed in as 김카카오", "kim@kakao.example", "KAKAO", "TOKEN=access-1",
					"REFRESH=refresh-1", "/api/auth/complete-signup");
		}
		finally {
			fakeGateway.stop(0);
		}
	}

	@Test
	void readsOnlyAWellFormedBindingCookie() {
		assertThat(LandingPage.bindingCookie("a=1; mclass_social_binding=abc_-9")).isEqualTo("abc_-9");
		assertThat(LandingPage.bindingCookie("mclass_social_binding=a;b")).isEqualTo("a");
		assertThat(LandingPage.bindingCookie("mclass_social_binding=\r\nX: y")).isNull();
		assertThat(LandingPage.bindingCookie(null)).isNull();
		assertThat(LandingPage.bindingCookie("other=1")).isNull();
	}

	@Test
	void releasesItsPortWhenClosed() {
		int port = this.mock.port();
		assertThat(LocalPorts.isFree(port)).isFalse();

		this.mock.close();

		assertThat(LocalPorts.isFree(port)).isTrue();
		this.mock = MockOAuthServer.start(port, this.gateway::get); // and can be started there again
	}

	/** One login as auth-service starts it: state, nonce, PKCE, the scopes of its registration. */
	private final class Login {

		final String provider;

		final String scope;

		final String state = UUID.randomUUID().toString();

		final String nonce = UUID.randomUUID().toString();

		final String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();

		Login(String provider, String scope) {
			this.provider = provider;
			this.scope = scope;
		}

		String authorizationUrl() throws Exception {
			Map<String, String> query = new LinkedHashMap<>();
			query.put("response_type", "code");
			query.put("client_id", "mclass-" + this.provider + "-dev");
			query.put("scope", this.scope);
			query.put("state", this.state);
			query.put("redirect_uri", CALLBACK.formatted(this.provider));
			query.put("code_challenge", Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(this.verifier.getBytes(StandardCharsets.US_ASCII))));
			query.put("code_challenge_method", "S256");
			if (this.scope.contains("openid")) {
				query.put("nonce", this.nonce);
			}
			return MockOAuthServerTests.this.mock.url() + "/" + this.provider + "/authorize?" + form(query);
		}

		HttpResponse<String> submit(Map<String, String> fields) throws Exception {
			return post(authorizationUrl(), fields);
		}

		Tokens signInAs(String login) throws Exception {
			return signInAs(login, "");
		}

		/** The person submits the login page; the redirect's code is then redeemed as auth-service does. */
		Tokens signInAs(String login, String claims) throws Exception {
			HttpResponse<String> redirect = submit(Map.of("username", login, "claims", claims));
			assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
			URI callback = URI.create(redirect.headers().firstValue("Location").orElseThrow());
			assertThat(callback.toString()).startsWith(CALLBACK.formatted(this.provider) + "?");
			Map<String, String> query = query(callback);
			assertThat(query).containsEntry("state", this.state);
			Map<String, String> tokenRequest = new LinkedHashMap<>();
			tokenRequest.put("grant_type", "authorization_code");
			tokenRequest.put("code", query.get("code"));
			tokenRequest.put("redirect_uri", CALLBACK.formatted(this.provider));
			tokenRequest.put("client_id", "mclass-" + this.provider + "-dev");
			tokenRequest.put("client_secret", "mclass-" + this.provider + "-dev-secret");
			tokenRequest.put("code_verifier", this.verifier);
			HttpResponse<String> tokens = post(MockOAuthServerTests.this.mock.url() + "/" + this.provider + "/token", tokenRequest);
			assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
			return new Tokens(this.provider, MockOAuthServerTests.this.json.readTree(tokens.body()));
		}

	}

	private final class Tokens {

		private final String provider;

		private final JsonNode json;

		Tokens(String provider, JsonNode json) {
			this.provider = provider;
			this.json = json;
		}

		JsonNode json() {
			return this.json;
		}

		JsonNode userInfo() throws Exception {
			HttpResponse<String> response = MockOAuthServerTests.this.http.send(
					HttpRequest.newBuilder(URI.create(MockOAuthServerTests.this.mock.url() + "/" + this.provider + "/userinfo"))
						.header("Authorization", "Bearer " + this.json.path("access_token").asString())
						.timeout(Duration.ofSeconds(10))
						.GET()
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return MockOAuthServerTests.this.json.readTree(response.body());
		}

	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(form(fields)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					URLDecoder.decode((parts.length > 1) ? parts[1] : "", StandardCharsets.UTF_8));
		}
		return query;
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
