package com.mclass.auth.session;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.auth.AuthApi;
import com.mclass.auth.AuthServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@AuthServiceIntegrationTest
class SessionLifecycleIntegrationTests {

	@LocalServerPort
	int port;

	AuthApi api;

	@BeforeEach
	void client() {
		this.api = new AuthApi(this.port);
	}

	@Test
	void registerThenMeThenRefreshThenReuseRevokesTheWholeSession() {
		String email = AuthApi.uniqueEmail("lifecycle");
		JsonNode registered = this.api.register(email);
		assertThat(registered.path("tokenType").asString()).isEqualTo("Bearer");
		assertThat(registered.path("expiresIn").asLong()).isEqualTo(900);
		assertThat(registered.path("refreshToken").asString()).hasSize(43);
		JsonNode user = registered.path("user");
		assertThat(user.path("email").asString()).isEqualTo(email);
		assertThat(user.path("name").asString()).isEqualTo("테스트 사용자");
		assertThat(user.path("role").asString()).isEqualTo("USER");
		assertThat(user.path("provider").asString()).isEqualTo("LOCAL");
		assertThat(user.path("signUpCompleted").asBoolean()).isTrue();

		AuthApi.Response me = this.api.getWithToken("/api/auth/me", registered.path("accessToken").asString());
		assertThat(me.status()).as(me.text()).isEqualTo(200);
		assertThat(me.data().path("id").asString()).isEqualTo(user.path("id").asString());
		assertThat(me.data().path("email").asString()).isEqualTo(email);

		String firstRefresh = registered.path("refreshToken").asString();
		AuthApi.Response refreshed = this.api.post("/api/auth/refresh", Map.of("refreshToken", firstRefresh));
		assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
		JsonNode second = refreshed.data();
		assertThat(second.path("refreshToken").asString()).isNotEqualTo(firstRefresh);
		assertThat(claim(second.path("accessToken").asString(), "sid"))
			.isEqualTo(claim(registered.path("accessToken").asString(), "sid"));
		String liveAccessToken = second.path("accessToken").asString();
		assertThat(this.api.getWithToken("/api/auth/me", liveAccessToken).status()).isEqualTo(200);

		// The first refresh token is presented again: stolen or replayed. The whole family ends.
		this.api.post("/api/auth/refresh", Map.of("refreshToken", firstRefresh)).assertError(401, "INVALID_REFRESH_TOKEN");
		this.api.post("/api/auth/refresh", Map.of("refreshToken", second.path("refreshToken").asString()))
			.assertError(401, "INVALID_REFRESH_TOKEN");
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> this.api.getWithToken("/api/auth/me", liveAccessToken).assertError(401, "UNAUTHENTICATED"));
	}

	@Test
	void logoutEndsTheSessionEverywhere() {
		JsonNode session = this.api.register(AuthApi.uniqueEmail("logout"));
		String accessToken = session.path("accessToken").asString();
		assertThat(this.api.getWithToken("/api/auth/me", accessToken).status()).isEqualTo(200);

		AuthApi.Response logout = this.api.postWithToken("/api/auth/logout", null, accessToken);

		assertThat(logout.status()).as(logout.text()).isEqualTo(200);
		assertThat(logout.body().path("success").asBoolean()).isTrue();
		this.api.post("/api/auth/refresh", Map.of("refreshToken", session.path("refreshToken").asString()))
			.assertError(401, "INVALID_REFRESH_TOKEN");
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> this.api.getWithToken("/api/auth/me", accessToken).assertError(401, "UNAUTHENTICATED"));
	}

	@Test
	void logoutAllEndsEverySessionOfTheUserButNoOneElses() {
		String email = AuthApi.uniqueEmail("everywhere");
		JsonNode laptop = this.api.register(email);
		JsonNode phone = this.api.login(email, AuthApi.PASSWORD);
		JsonNode stranger = this.api.register(AuthApi.uniqueEmail("stranger"));

		AuthApi.Response out = this.api.postWithToken("/api/auth/logout-all", null, phone.path("accessToken").asString());

		assertThat(out.status()).as(out.text()).isEqualTo(200);
		assertThat(out.data().path("sessionsEnded").asLong()).isEqualTo(2);
		for (JsonNode session : List.of(laptop, phone)) {
			this.api.post("/api/auth/refresh", Map.of("refreshToken", session.path("refreshToken").asString()))
				.assertError(401, "INVALID_REFRESH_TOKEN");
			await().atMost(Duration.ofSeconds(1))
				.pollInterval(Duration.ofMillis(50))
				.untilAsserted(() -> this.api.getWithToken("/api/auth/me", session.path("accessToken").asString())
					.assertError(401, "UNAUTHENTICATED"));
		}
		assertThat(this.api.getWithToken("/api/auth/me", stranger.path("accessToken").asString()).status()).isEqualTo(200);
		this.api.post("/api/auth/logout-all", null).assertError(401, "UNAUTHENTICATED");
	}

	@Test
	void logoutNeedsAnAccessToken() {
		this.api.post("/api/auth/logout", null).assertError(401, "UNAUTHENTICATED");
	}

	@Test
	void otherSessionsOfTheUserSurviveALogout() {
		String email = AuthApi.uniqueEmail("two-devices");
		JsonNode phone = this.api.register(email);
		JsonNode laptop = this.api.login(email, AuthApi.PASSWORD);

		this.api.postWithToken("/api/auth/logout", null, phone.path("accessToken").asString());

		AuthApi.Response refreshed = this.api.post("/api/auth/refresh", Map.of("refreshToken", laptop.path("refreshToken").asString()));
		assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
	}

	@Test
	void refreshWorksWhileAnExpiredOrBrokenAccessTokenIsStillSent() {
		JsonNode session = this.api.register(AuthApi.uniqueEmail("stale-header"));
		AuthApi.Response refreshed = this.api.post("/api/auth/refresh",
				Map.of("refreshToken", session.path("refreshToken").asString()), Map.of("Authorization", "Bearer not.a.token"));
		assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
	}

	@Test
	void unknownRefreshTokensAreRefused() {
		this.api.post("/api/auth/refresh", Map.of("refreshToken", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
			.assertError(401, "INVALID_REFRESH_TOKEN");
	}

	static String claim(String jwt, String name) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
		return AuthApi.json.readTree(payload).path(name).asString();
	}

}
