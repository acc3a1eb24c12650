package com.mclass.auth.social;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import com.mclass.auth.AuthApi;
import com.mclass.auth.AuthServiceIntegrationTest;
import com.mclass.auth.MockProviders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three social logins end to end against the mock provider. The test plays the browser: it follows each redirect
 * by hand, carries the state cookie, and lands on the front-end URL with a one-time code.
 */
@AuthServiceIntegrationTest
class SocialLoginIntegrationTests {

	private static final String FRONT_END = "http://localhost:8080/social-callback";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	AuthApi api;

	@BeforeEach
	void client() {
		this.api = new AuthApi(this.port);
	}

	@Test
	void kakaoSignsUpASocialUserWhoThenCompletesSignUp() {
		String kakaoId = Long.toString(System.nanoTime());
		Flow flow = start("kakao");
		MockProviders.enqueue("kakao", kakaoId, Map.of("id", Long.parseLong(kakaoId), "kakao_account",
				Map.of("email", "kim@kakao.example", "is_email_verified", true, "profile", Map.of("nickname", "김카카오"))));

		JsonNode session = exchange(callback(flow, authorize(flow)));

		JsonNode user = session.path("user");
		assertThat(user.path("provider").asString()).isEqualTo("KAKAO");
		assertThat(user.path("name").asString()).isEqualTo("김카카오");
		assertThat(user.path("email").asString()).isEqualTo("kim@kakao.example");
		assertThat(user.path("role").asString()).isEqualTo("USER");
		assertThat(user.path("signUpCompleted").asBoolean()).isFalse();
		assertThat(eventTypes(user.path("id").asString())).containsExactly("UserRegistered");

		AuthApi.Response completed = this.api.postWithToken("/api/auth/complete-signup",
				Map.of("name", "김민수", "termIds", this.api.requiredTermIds()), session.path("accessToken").asString());

		assertThat(completed.status()).as(completed.text()).isEqualTo(200);
		assertThat(completed.data().path("user").path("signUpCompleted").asBoolean()).isTrue();
		assertThat(completed.data().path("user").path("name").asString()).isEqualTo("김민수");
		assertThat(completed.data().has("refreshToken")).isFalse();
		assertThat(claim(completed.data().path("accessToken").asString(), "signup_completed")).isEqualTo("true");
		assertThat(eventTypes(user.path("id").asString())).containsExactly("UserRegistered", "SignupCompleted");
		// Completing again changes the name but announces nothing new.
		this.api.postWithToken("/api/auth/complete-signup", Map.of("name", "김민수2", "termIds", this.api.requiredTermIds()),
				session.path("accessToken").asString());
		assertThat(eventTypes(user.path("id").asString())).containsExactly("UserRegistered", "SignupCompleted");

		// The next login with the same Kakao account finds the same user.
		Flow again = start("kakao");
		MockProviders.enqueue("kakao", kakaoId, Map.of("id", Long.parseLong(kakaoId), "kakao_account", Map.of()));
		JsonNode second = exchange(callback(again, authorize(again)));
		assertThat(second.path("user").path("id").asString()).isEqualTo(user.path("id").asString());
		assertThat(second.path("user").path("signUpCompleted").asBoolean()).isTrue();
	}

	@Test
	void naverReadsItsResponseWrapper() {
		String naverId = "nv-" + UUID.randomUUID();
		Flow flow = start("naver");
		MockProviders.enqueue("naver", naverId, Map.of("resultcode", "00", "message", "success", "response",
				Map.of("id", naverId, "email", "lee@naver.example", "name", "이네이버")));

		JsonNode user = exchange(callback(flow, authorize(flow))).path("user");

		assertThat(user.path("provider").asString()).isEqualTo("NAVER");
		assertThat(user.path("name").asString()).isEqualTo("이네이버");
		assertThat(user.path("email").asString()).isEqualTo("lee@naver.example");
		assertThat(user.path("signUpCompleted").asBoolean()).isFalse();
	}

	@Test
	void googleSignsInWithOpenIdConnect() {
		String subject = "google-" + UUID.randomUUID();
		Flow flow = start("google");
		assertThat(flow.authorization().getQueryParams().getFirst("scope")).contains("openid");
		assertThat(flow.authorization().getQueryParams().getFirst("nonce")).isNotBlank();
		MockProviders.enqueue("google", subject, Map.of("email", "park@gmail.example", "email_verified", true, "name", "Park Jisoo"));

		JsonNode user = exchange(callback(flow, authorize(flow))).path("user");

		assertThat(user.path("provider").asString()).isEqualTo("GOOGLE");
		assertThat(user.path("name").asString()).isEqualTo("Park Jisoo");
		assertThat(user.path("email").asString()).isEqualTo("park@gmail.example");
	}

	@Test
	void aSocialAccountIsNeverLinkedToALocalAccountWithTheSameEmail() {
		String email = AuthApi.uniqueEmail("shared");
		JsonNode local = this.api.register(email);
		Flow flow = start("google");
		MockProviders.enqueue("google", "google-" + UUID.randomUUID(), Map.of("email", email, "email_verified", true, "name", "Twin"));

		JsonNode social = exchange(callback(flow, authorize(flow))).path("user");

		assertThat(social.path("id").asString()).isNotEqualTo(local.path("user").path("id").asString());
		assertThat(social.path("email").asString()).isEqualTo(email);
		assertThat(this.api.login(email, AuthApi.PASSWORD).path("user").path("provider").asString()).isEqualTo("LOCAL");
	}

	@Test
	void redirectsWithStateAndPkce() {
		AuthApi.Response response = this.api.get("/api/auth/kakao");

		assertThat(response.status()).isEqualTo(302);
		UriComponents authorization = UriComponentsBuilder.fromUriString(response.header("Location")).build();
		assertThat(authorization.toUriString()).startsWith(MockProviders.baseUrl() + "/kakao/authorize");
		Map<String, List<String>> query = authorization.getQueryParams();
		assertThat(query.get("response_type")).containsExactly("code");
		assertThat(query.get("client_id")).containsExactly("mclass-kakao-dev");
		assertThat(query.get("state").get(0)).hasSizeGreaterThan(20);
		assertThat(query.get("code_challenge").get(0)).hasSize(43);
		assertThat(query.get("code_challenge_method")).containsExactly("S256");
		assertThat(decoded(query.get("redirect_uri").get(0))).isEqualTo("http://localhost:8080/api/auth/kakao/callback");
		String cookie = response.header("Set-Cookie");
		assertThat(cookie).startsWith(RedisAuthorizationRequests.COOKIE + "=" + decoded(query.get("state").get(0)) + ";")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.contains("Path=/api/auth");
	}

	@Test
	void refusesACallbackWithAStateItNeverIssued() {
		Flow flow = start("kakao");
		UriComponents providerRedirect = authorize(flow);
		String forged = UriComponentsBuilder.fromUriString(providerRedirect.toUriString()).replaceQueryParam("state", "forged-state")
			.build()
			.toUriString();

		AuthApi.Response response = this.api.get(pathAndQuery(forged), Map.of("Cookie", flow.cookie()));

		assertRefused(response, "authorization_request_not_found");
	}

	@Test
	void refusesACallbackInABrowserThatDidNotStartTheLogin() {
		Flow victim = start("kakao");
		Flow attacker = start("kakao");
		// The attacker's finished login, replayed in the victim's browser (login CSRF).
		AuthApi.Response response = this.api.get(pathAndQuery(authorize(attacker).toUriString()), Map.of("Cookie", victim.cookie()));

		assertRefused(response, "authorization_request_not_found");
	}

	@Test
	void refusesACallbackUsedTwice() {
		Flow flow = start("naver");
		MockProviders.enqueue("naver", "nv-once", Map.of("response", Map.of("id", "nv-once-" + UUID.randomUUID())));
		UriComponents providerRedirect = authorize(flow);
		assertThat(callback(flow, providerRedirect).code()).isNotBlank();

		AuthApi.Response replay = this.api.get(pathAndQuery(providerRedirect.toUriString()), Map.of("Cookie", flow.cookie()));

		assertRefused(replay, "authorization_request_not_found");
	}

	@Test
	void refusesACodeRedeemedWithAnotherLoginsPkceVerifier() {
		Flow first = start("kakao");
		Flow second = start("kakao");
		String codeForFirst = authorize(first).getQueryParams().getFirst("code");
		// Second's state and cookie are genuine, but the code was issued against first's code_challenge.
		String crossed = UriComponentsBuilder.fromUriString(authorize(second).toUriString())
			.replaceQueryParam("code", codeForFirst)
			.build()
			.toUriString();

		AuthApi.Response response = this.api.get(pathAndQuery(crossed), Map.of("Cookie", second.cookie()));

		assertRefused(response, "invalid_grant");
	}

	@Test
	void aSignInCodeWorksOnce() {
		Flow flow = start("naver");
		MockProviders.enqueue("naver", "nv", Map.of("response", Map.of("id", "nv-" + UUID.randomUUID())));
		Landing landing = callback(flow, authorize(flow));

		assertThat(redeem(landing.code(), landing.cookie()).status()).isEqualTo(200);
		redeem(landing.code(), landing.cookie()).assertError(401, "INVALID_EXCHANGE_CODE");
	}

	@Test
	void aSignInCodeWorksOnlyInTheBrowserThatSignedIn() {
		// An attacker signs in with their own account and plants the code in a victim's browser (login CSRF): the
		// victim's browser has no binding cookie, or the wrong one.
		Flow attacker = start("naver");
		MockProviders.enqueue("naver", "nv", Map.of("response", Map.of("id", "nv-" + UUID.randomUUID())));
		Landing planted = callback(attacker, authorize(attacker));
		Flow victim = start("naver");
		MockProviders.enqueue("naver", "nv", Map.of("response", Map.of("id", "nv-" + UUID.randomUUID())));
		Landing victimsOwn = callback(victim, authorize(victim));

		redeem(planted.code(), null).assertError(401, "INVALID_EXCHANGE_CODE");
		Flow again = start("naver");
		MockProviders.enqueue("naver", "nv", Map.of("response", Map.of("id", "nv-" + UUID.randomUUID())));
		Landing another = callback(again, authorize(again));
		redeem(another.code(), victimsOwn.cookie()).assertError(401, "INVALID_EXCHANGE_CODE");
		// A refused code is used up, even for its own browser.
		redeem(another.code(), another.cookie()).assertError(401, "INVALID_EXCHANGE_CODE");
		assertThat(redeem(victimsOwn.code(), victimsOwn.cookie()).status()).isEqualTo(200);
	}

	@Test
	void theBindingCookieIsHttpOnlyLaxAndNotSecureOnlyForPlainHttpOnLocalhost() {
		Flow flow = start("naver");
		MockProviders.enqueue("naver", "nv", Map.of("response", Map.of("id", "nv-" + UUID.randomUUID())));

		Landing landing = callback(flow, authorize(flow));

		assertThat(landing.setCookie()).contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=60").doesNotContain("Secure");
		assertThat(SocialCookies.of("auto", "http://localhost:8080").secure()).isFalse();
		assertThat(SocialCookies.of("auto", "http://127.0.0.1:18080").secure()).isFalse();
		assertThat(SocialCookies.of("auto", "https://mclass.example").secure()).isTrue();
		assertThat(SocialCookies.of("auto", "http://mclass.example").secure()).isTrue();
		assertThat(SocialCookies.of("false", "https://mclass.example").secure()).isFalse();
		assertThat(SocialCookies.of("true", "http://localhost:8080").secure()).isTrue();
	}

	@Test
	void aProviderVerifiedAddressCountsAsVerifiedAndADisabledSocialUserCannotSignIn() {
		String subject = "google-" + UUID.randomUUID();
		Flow flow = start("google");
		MockProviders.enqueue("google", subject, Map.of("email", "verified@gmail.example", "email_verified", true, "name", "Han"));
		JsonNode session = exchange(callback(flow, authorize(flow)));
		assertThat(session.path("user").path("emailVerified").asBoolean()).isTrue();
		assertThat(claim(session.path("accessToken").asString(), "email_verified")).isEqualTo("true");

		this.api.put("/api/admin/users/" + session.path("user").path("id").asString(), Map.of("disabled", true),
				this.api.adminAccessToken());
		Flow again = start("google");
		MockProviders.enqueue("google", subject, Map.of("email", "verified@gmail.example", "email_verified", true, "name", "Han"));
		AuthApi.Response refused = this.api.get(pathAndQuery(authorize(again).toUriString()), Map.of("Cookie", again.cookie()));

		assertRefused(refused, "account_disabled");
	}

	/** Step 1: our redirect to the provider, with the state cookie. */
	private Flow start(String provider) {
		AuthApi.Response response = this.api.get("/api/auth/" + provider);
		assertThat(response.status()).as(response.text()).isEqualTo(302);
		String cookie = response.header("Set-Cookie").split(";", 2)[0];
		return new Flow(provider, UriComponentsBuilder.fromUriString(response.header("Location")).build(), cookie);
	}

	/**
	 * Step 2: the provider's consent screen, which the mock skips and redirects back at once. The mock parses every
	 * authorization request as OpenID Connect, so for Kakao and Naver (plain OAuth2, no {@code openid} scope) the
	 * "browser" adds one; state, PKCE challenge and redirect URI travel unchanged.
	 */
	private UriComponents authorize(Flow flow) {
		UriComponentsBuilder authorization = UriComponentsBuilder.fromUriString(flow.authorization().toUriString());
		String scope = decoded(flow.authorization().getQueryParams().getFirst("scope"));
		if (!scope.contains("openid")) {
			authorization.replaceQueryParam("scope", (scope + " openid").replace(" ", "%20"));
		}
		AuthApi.Response response = this.api.get(authorization.build().toUriString());
		assertThat(response.status()).as(response.text()).isEqualTo(302);
		UriComponents redirect = UriComponentsBuilder.fromUriString(response.header("Location")).build();
		assertThat(redirect.getPath()).isEqualTo("/api/auth/" + flow.provider() + "/callback");
		return redirect;
	}

	/**
	 * Step 3: the provider's redirect reaches us (through the gateway, in production); returns the one-time code and
	 * the cookie that binds it to this browser.
	 */
	private Landing callback(Flow flow, UriComponents providerRedirect) {
		AuthApi.Response response = this.api.get(pathAndQuery(providerRedirect.toUriString()), Map.of("Cookie", flow.cookie()));
		assertThat(response.status()).as(response.text()).isEqualTo(302);
		UriComponents landing = UriComponentsBuilder.fromUriString(response.header("Location")).build();
		assertThat(landing.toUriString()).as("no error expected").startsWith(FRONT_END + "?code=");
		String binding = response.headers("Set-Cookie").stream()
			.filter((cookie) -> cookie.startsWith(SocialCookies.BINDING_COOKIE + "="))
			.findFirst()
			.orElseThrow();
		return new Landing(landing.getQueryParams().getFirst("code"), binding.split(";", 2)[0], binding);
	}

	/** Step 4: the front-end trades the code for our tokens, from the browser that signed in (its cookie goes along). */
	private JsonNode exchange(Landing landing) {
		AuthApi.Response response = redeem(landing.code(), landing.cookie());
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.data();
	}

	private AuthApi.Response redeem(String code, String cookie) {
		return this.api.post("/api/auth/social/exchange", Map.of("code", code), (cookie != null) ? Map.of("Cookie", cookie) : Map.of());
	}

	private void assertRefused(AuthApi.Response response, String reason) {
		assertThat(response.status()).as(response.text()).isEqualTo(302);
		UriComponents landing = UriComponentsBuilder.fromUriString(response.header("Location")).build();
		assertThat(landing.toUriString()).startsWith(FRONT_END);
		assertThat(landing.getQueryParams().getFirst("error")).isEqualTo("SOCIAL_LOGIN_FAILED");
		assertThat(landing.getQueryParams().getFirst("reason")).isEqualTo(reason);
		assertThat(landing.getQueryParams()).doesNotContainKey("code");
	}

	private List<String> eventTypes(String userId) {
		return JdbcClient.create(this.dataSource)
			.sql("select type from outbox_event where message_key = ? order by seq")
			.param(userId)
			.query(String.class)
			.list();
	}

	private static String pathAndQuery(String url) {
		URI uri = URI.create(url);
		return uri.getRawPath() + "?" + uri.getRawQuery();
	}

	private static String decoded(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String claim(String jwt, String name) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		return AuthApi.json.readTree(payload).path(name).asString();
	}

	record Flow(String provider, UriComponents authorization, String cookie) {
	}

	/** Where the browser lands: the code in the URL, the binding cookie ({@code name=value}) and its Set-Cookie header. */
	record Landing(String code, String cookie, String setCookie) {
	}

}
