package com.mclass.auth.terms;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.auth.AuthApi;
import com.mclass.auth.AuthServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceIntegrationTest
class TermsIntegrationTests {

	@LocalServerPort
	int port;

	AuthApi api;

	@BeforeEach
	void client() {
		this.api = new AuthApi(this.port);
	}

	@Test
	void anyoneSeesTheCurrentTermsInKorean() {
		AuthApi.Response response = this.api.get("/api/terms");

		assertThat(response.status()).isEqualTo(200);
		JsonNode terms = response.data();
		assertThat(terms).hasSize(3);
		Map<String, JsonNode> byType = new HashMap<>();
		terms.forEach((term) -> byType.put(term.path("type").asString(), term));
		assertThat(byType).containsOnlyKeys("SERVICE", "PRIVACY", "ENROLLMENT");
		assertThat(byType.get("PRIVACY").path("isRequired").asBoolean()).isTrue();
		assertThat(byType.get("ENROLLMENT").path("isRequired").asBoolean()).isFalse();
		assertThat(byType.get("PRIVACY").path("title").asString()).isEqualTo("개인정보 수집 및 이용 동의");
		JsonNode term = byType.get("PRIVACY");
		assertThat(term.has("id")).isTrue();
		assertThat(term.has("content")).isTrue();
		assertThat(term.path("version").asInt()).isPositive();
	}

	@Test
	void aNewRequiredVersionReopensSignUpUntilAgreed() {
		JsonNode session = this.api.register(AuthApi.uniqueEmail("new-version"));
		assertThat(session.path("user").path("signUpCompleted").asBoolean()).isTrue();
		String admin = this.api.adminAccessToken();

		AuthApi.Response published = this.api.send("POST", "/api/admin/terms", Map.of("type", "PRIVACY", "title",
				"개인정보 수집 및 이용 동의 (개정)", "content", "수집 항목에 전화번호가 추가됩니다.", "isRequired", true),
				Map.of("Authorization", "Bearer " + admin));

		assertThat(published.status()).as(published.text()).isEqualTo(201);
		JsonNode newVersion = published.data();
		assertThat(newVersion.path("isRequired").asBoolean()).isTrue();
		assertThat(newVersion.path("version").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(this.api.requiredTermIds()).contains(newVersion.path("id").asString());
		JsonNode refreshed = refresh(session);
		assertThat(refreshed.path("user").path("signUpCompleted").asBoolean()).isFalse();
		assertThat(claim(refreshed.path("accessToken").asString())).isEqualTo("false");

		AuthApi.Response agreed = this.api.postWithToken("/api/terms/" + newVersion.path("id").asString() + "/agree", null,
				refreshed.path("accessToken").asString());

		assertThat(agreed.status()).as(agreed.text()).isEqualTo(200);
		assertThat(agreed.data().path("termId").asString()).isEqualTo(newVersion.path("id").asString());
		JsonNode again = refresh(refreshed);
		assertThat(again.path("user").path("signUpCompleted").asBoolean()).isTrue();
		assertThat(this.api.getWithToken("/api/auth/me", again.path("accessToken").asString()).data().path("signUpCompleted").asBoolean())
			.isTrue();
	}

	@Test
	void agreeingNeedsALoginAndACurrentTerm() {
		String termId = this.api.requiredTermIds().get(0);
		this.api.post("/api/terms/" + termId + "/agree", null).assertError(401, "UNAUTHENTICATED");
		String token = this.api.register(AuthApi.uniqueEmail("agree")).path("accessToken").asString();
		this.api.postWithToken("/api/terms/00000000-0000-0000-0000-000000000000/agree", null, token).assertError(404, "NOT_FOUND");
		AuthApi.Response badId = this.api.postWithToken("/api/terms/not-a-uuid/agree", null, token);
		badId.assertError(400, "VALIDATION_FAILED");
		assertThat(badId.errorFields()).containsExactly("id");
		assertThat(this.api.postWithToken("/api/terms/" + termId + "/agree", null, token).status()).isEqualTo(200);
	}

	@Test
	void onlyAdminsPublishAndEveryFieldIsChecked() {
		String user = this.api.register(AuthApi.uniqueEmail("not-admin")).path("accessToken").asString();
		this.api.postWithToken("/api/admin/terms", Map.of("type", "SERVICE", "title", "t", "content", "c", "isRequired", true), user)
			.assertError(403, "FORBIDDEN");
		String admin = this.api.adminAccessToken();
		AuthApi.Response empty = this.api.postWithToken("/api/admin/terms", Map.of(), admin);
		empty.assertError(400, "VALIDATION_FAILED");
		assertThat(empty.errorFields()).containsExactlyInAnyOrder("type", "title", "content", "isRequired");
		AuthApi.Response wrongType = this.api.postWithToken("/api/admin/terms",
				Map.of("type", "COOKIES", "title", "t", "content", "c", "isRequired", true), admin);
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.errorFields()).containsExactly("type");
	}

	private JsonNode refresh(JsonNode session) {
		AuthApi.Response response = this.api.post("/api/auth/refresh", Map.of("refreshToken", session.path("refreshToken").asString()));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.data();
	}

	private static String claim(String jwt) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		return AuthApi.json.readTree(payload).path("signup_completed").asString();
	}

}
