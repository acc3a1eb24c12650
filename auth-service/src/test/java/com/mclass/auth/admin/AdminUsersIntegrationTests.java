package com.mclass.auth.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.auth.AuthApi;
import com.mclass.auth.AuthServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@AuthServiceIntegrationTest
class AdminUsersIntegrationTests {

	@LocalServerPort
	int port;

	AuthApi api;

	String admin;

	@BeforeEach
	void client() {
		this.api = new AuthApi(this.port);
		this.admin = this.api.adminAccessToken();
	}

	@Test
	void thereIsABootstrapAdministrator() {
		JsonNode me = this.api.getWithToken("/api/auth/me", this.admin).data();
		assertThat(me.path("email").asString()).isEqualTo("admin@mclass.local");
		assertThat(me.path("role").asString()).isEqualTo("ADMIN");
	}

	@Test
	void searchesByPartOfEmailOrNameWithPagingInMeta() {
		String tag = "find" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 3; i++) {
			this.api.register(AuthApi.uniqueEmail(tag));
		}

		AuthApi.Response first = this.api.getWithToken("/api/admin/users?query=" + tag.toUpperCase() + "&page=0&size=2", this.admin);
		AuthApi.Response second = this.api.getWithToken("/api/admin/users?query=" + tag + "&page=1&size=2", this.admin);

		assertThat(first.status()).as(first.text()).isEqualTo(200);
		assertThat(first.data()).hasSize(2);
		assertThat(second.data()).hasSize(1);
		JsonNode meta = first.body().path("meta");
		assertThat(meta.path("page").asInt()).isEqualTo(0);
		assertThat(meta.path("size").asInt()).isEqualTo(2);
		assertThat(meta.path("totalElements").asLong()).isEqualTo(3);
		assertThat(meta.path("totalPages").asInt()).isEqualTo(2);
		JsonNode user = first.data().get(0);
		assertThat(user.path("email").asString()).startsWith(tag);
		assertThat(user.path("signUpCompleted").asBoolean()).isTrue();
		assertThat(user.path("provider").asString()).isEqualTo("LOCAL");
		assertThat(user.has("createdAt")).isTrue();
		assertThat(user.has("passwordHash")).isFalse();
	}

	@Test
	void treatsLikeWildcardsInTheQueryLiterally() {
		AuthApi.Response response = this.api.getWithToken("/api/admin/users?query=%25_%25", this.admin);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().path("meta").path("totalElements").asLong()).isZero();
	}

	@Test
	void promotingAUserEndsTheirSessionsSoTheNextSignInCarriesTheNewRole() {
		String email = AuthApi.uniqueEmail("promoted");
		JsonNode session = this.api.register(email);
		String id = session.path("user").path("id").asString();

		AuthApi.Response changed = this.api.put("/api/admin/users/" + id + "/role", Map.of("role", "ADMIN"), this.admin);

		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.data().path("role").asString()).isEqualTo("ADMIN");
		this.api.post("/api/auth/refresh", Map.of("refreshToken", session.path("refreshToken").asString()))
			.assertError(401, "INVALID_REFRESH_TOKEN");
		JsonNode again = this.api.login(email, AuthApi.PASSWORD);
		assertThat(again.path("user").path("role").asString()).isEqualTo("ADMIN");
		assertThat(this.api.getWithToken("/api/admin/users", again.path("accessToken").asString()).status()).isEqualTo(200);
	}

	@Test
	void aDemotedAdministratorLosesEverySessionWithinASecond() {
		String email = AuthApi.uniqueEmail("demoted");
		String id = this.api.register(email).path("user").path("id").asString();
		this.api.put("/api/admin/users/" + id + "/role", Map.of("role", "ADMIN"), this.admin);
		JsonNode laptop = this.api.login(email, AuthApi.PASSWORD);
		JsonNode phone = this.api.login(email, AuthApi.PASSWORD);
		assertThat(this.api.getWithToken("/api/admin/users", laptop.path("accessToken").asString()).status()).isEqualTo(200);

		this.api.put("/api/admin/users/" + id, Map.of("role", "USER"), this.admin);
		long demoted = System.nanoTime();

		for (JsonNode session : List.of(laptop, phone)) {
			await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
				.untilAsserted(() -> this.api.getWithToken("/api/admin/users", session.path("accessToken").asString())
					.assertError(401, "UNAUTHENTICATED"));
			this.api.post("/api/auth/refresh", Map.of("refreshToken", session.path("refreshToken").asString()))
				.assertError(401, "INVALID_REFRESH_TOKEN");
		}
		System.out.printf("demoted administrator's tokens refused after %d ms%n", (System.nanoTime() - demoted) / 1_000_000);
	}

	@Test
	void aDisabledUserIsSignedOutEverywhereAndCannotSignInUntilReEnabled() {
		String email = AuthApi.uniqueEmail("disabled");
		JsonNode session = this.api.register(email);
		String id = session.path("user").path("id").asString();

		AuthApi.Response disabled = this.api.put("/api/admin/users/" + id, Map.of("disabled", true), this.admin);

		assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> this.api.getWithToken("/api/auth/me", session.path("accessToken").asString())
				.assertError(401, "UNAUTHENTICATED"));
		this.api.post("/api/auth/refresh", Map.of("refreshToken", session.path("refreshToken").asString()))
			.assertError(401, "INVALID_REFRESH_TOKEN");
		AuthApi.Response login = this.api.post("/api/auth/login", Map.of("email", email, "password", AuthApi.PASSWORD));
		login.assertError(403, "ACCOUNT_DISABLED");
		// A wrong password is told nothing new.
		this.api.post("/api/auth/login", Map.of("email", email, "password", "not the password")).assertError(401, "INVALID_CREDENTIALS");
		JsonNode listed = this.api.getWithToken("/api/admin/users?query=" + email, this.admin).data().get(0);
		assertThat(listed.path("disabled").asBoolean()).isTrue();

		this.api.put("/api/admin/users/" + id, Map.of("disabled", false), this.admin);

		assertThat(this.api.login(email, AuthApi.PASSWORD).path("user").path("id").asString()).isEqualTo(id);
	}

	@Test
	void anAdministratorCannotDisableThemselvesAndAChangeNeedsSomethingToChange() {
		String id = this.api.getWithToken("/api/auth/me", this.admin).data().path("id").asString();
		this.api.put("/api/admin/users/" + id, Map.of("disabled", true), this.admin).assertError(409, "CANNOT_DISABLE_OWN_ACCOUNT");
		String someone = this.api.register(AuthApi.uniqueEmail("nothing")).path("user").path("id").asString();
		this.api.put("/api/admin/users/" + someone, Map.of(), this.admin).assertError(400, "VALIDATION_FAILED");
		assertField(this.api.put("/api/admin/users/" + someone, Map.of("role", "ROOT"), this.admin), "role");
	}

	@Test
	void anAdministratorCannotChangeTheirOwnRole() {
		String id = this.api.getWithToken("/api/auth/me", this.admin).data().path("id").asString();
		this.api.put("/api/admin/users/" + id + "/role", Map.of("role", "USER"), this.admin).assertError(409, "CANNOT_CHANGE_OWN_ROLE");
	}

	@Test
	void badAdminRequestsNameTheField() {
		String someone = this.api.register(AuthApi.uniqueEmail("target")).path("user").path("id").asString();
		assertField(this.api.put("/api/admin/users/" + someone + "/role", Map.of("role", "SUPERUSER"), this.admin), "role");
		assertField(this.api.put("/api/admin/users/" + someone + "/role", Map.of(), this.admin), "role");
		assertField(this.api.put("/api/admin/users/not-a-uuid/role", Map.of("role", "USER"), this.admin), "id");
		assertField(this.api.getWithToken("/api/admin/users?page=-1", this.admin), "page");
		assertField(this.api.getWithToken("/api/admin/users?size=1000", this.admin), "size");
		assertField(this.api.getWithToken("/api/admin/users?size=0", this.admin), "size");
		assertField(this.api.getWithToken("/api/admin/users?page=abc", this.admin), "page");
		this.api.put("/api/admin/users/" + UUID.randomUUID() + "/role", Map.of("role", "USER"), this.admin).assertError(404, "NOT_FOUND");
	}

	private static void assertField(AuthApi.Response response, String field) {
		response.assertError(400, "VALIDATION_FAILED");
		assertThat(response.errorFields()).containsExactly(field);
	}

}
