package com.mclass.auth.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.auth.AuthApi;
import com.mclass.auth.AuthServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceIntegrationTest
class RegistrationIntegrationTests {

	@LocalServerPort
	int port;

	AuthApi api;

	@BeforeEach
	void client() {
		this.api = new AuthApi(this.port);
	}

	@Test
	void storesTheEmailTrimmedAndLowerCased() {
		String email = AuthApi.uniqueEmail("Mixed.Case");
		Map<String, Object> body = this.api.registration("  " + email.toUpperCase() + "\t");

		AuthApi.Response response = this.api.post("/api/auth/register", body);

		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.data().path("user").path("email").asString()).isEqualTo(email.toLowerCase());
	}

	@Test
	void refusesAnEmailThatIsTakenInAnyCase() {
		String email = AuthApi.uniqueEmail("taken");
		this.api.register(email);

		this.api.post("/api/auth/register", this.api.registration(email.toUpperCase())).assertError(409, "EMAIL_TAKEN");
	}

	@Test
	void twentyParallelRegistrationsOfOneEmailCreateExactlyOneAccount() throws Exception {
		Map<String, Object> body = this.api.registration(AuthApi.uniqueEmail("race"));
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<AuthApi.Response>> results = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return this.api.post("/api/auth/register", body);
			}));
		}
		start.countDown();
		List<AuthApi.Response> responses = new ArrayList<>();
		for (Future<AuthApi.Response> result : results) {
			responses.add(result.get(30, TimeUnit.SECONDS));
		}
		pool.shutdown();

		assertThat(responses).filteredOn((response) -> response.status() == 201).hasSize(1);
		List<AuthApi.Response> refused = responses.stream().filter((response) -> response.status() != 201).toList();
		assertThat(refused).hasSize(19);
		refused.forEach((response) -> response.assertError(409, "EMAIL_TAKEN"));
	}

	@Test
	void namesEachMissingRequiredTerm() {
		List<String> required = this.api.requiredTermIds();
		assertThat(required).hasSizeGreaterThanOrEqualTo(2);
		Map<String, Object> body = this.api.registration(AuthApi.uniqueEmail("no-terms"));
		body.put("termIds", List.of());

		AuthApi.Response response = this.api.post("/api/auth/register", body);

		JsonNode error = response.assertError(400, "VALIDATION_FAILED");
		assertThat(response.errorFields()).hasSize(required.size()).containsOnly("termIds");
		List<String> reasons = new ArrayList<>();
		error.path("details").forEach((detail) -> reasons.add(detail.path("reason").asString()));
		for (String id : required) {
			assertThat(reasons).anyMatch((reason) -> reason.contains(id));
		}
	}

	@Test
	void refusesUnknownTermIds() {
		Map<String, Object> body = this.api.registration(AuthApi.uniqueEmail("unknown-term"));
		List<String> termIds = new ArrayList<>(this.api.requiredTermIds());
		termIds.add("00000000-0000-0000-0000-000000000000");
		body.put("termIds", termIds);

		AuthApi.Response response = this.api.post("/api/auth/register", body);

		response.assertError(400, "VALIDATION_FAILED");
		assertThat(response.errorFields()).containsExactly("termIds");
		assertThat(response.error().path("details").get(0).path("reason").asString()).contains("00000000-0000-0000-0000-000000000000");
	}

	@Test
	void acceptsTheOptionalTermToo() {
		Map<String, Object> body = this.api.registration(AuthApi.uniqueEmail("all-terms"));
		List<String> all = new ArrayList<>();
		this.api.get("/api/terms").data().forEach((term) -> all.add(term.path("id").asString()));
		body.put("termIds", all);
		assertThat(this.api.post("/api/auth/register", body).status()).isEqualTo(201);
	}

	@Test
	void explainsAPasswordProblemInKoreanByDefaultAndInEnglishOnRequest() {
		Map<String, Object> body = this.api.registration(AuthApi.uniqueEmail("language"));
		body.put("password", "qwerty123");

		AuthApi.Response korean = this.api.post("/api/auth/register", body);
		AuthApi.Response english = this.api.post("/api/auth/register", body, Map.of("Accept-Language", "en"));

		korean.assertError(400, "VALIDATION_FAILED");
		assertThat(korean.error().path("message").asString()).isEqualTo("요청 값이 올바르지 않습니다.");
		assertThat(korean.error().path("details").get(0).path("reason").asString()).contains("흔한 비밀번호");
		assertThat(english.error().path("details").get(0).path("reason").asString()).contains("too common");
	}

	@Test
	void badRegistrationsNameEveryFieldAtFault() {
		assertFields(Map.of(), "email", "password", "name", "termIds");
		assertFields(with("email", ""), "email");
		assertFields(with("email", "   "), "email");
		assertFields(with("email", "not-an-email"), "email");
		assertFields(with("email", "kim@localhost"), "email");
		assertFields(with("email", "a b@example.com"), "email");
		assertFields(with("email", "x".repeat(250) + "@example.com"), "email");
		assertFields(with("password", "short"), "password");
		assertFields(with("password", "kx7#qpz"), "password");
		assertFields(with("password", "p".repeat(129)), "password");
		assertFields(with("password", "Password123"), "password");
		assertFields(with("password", "        "), "password");
		assertFields(with("password", null), "password");
		assertFields(with("name", null), "name");
		assertFields(with("name", " "), "name");
		assertFields(with("name", "가".repeat(51)), "name");
		assertFields(with("termIds", null), "termIds");
	}

	@Test
	void unreadableRegistrationsNameTheFieldToo() {
		assertUnreadable("{\"email\":", "body");
		assertUnreadable("not json", "body");
		Map<String, Object> wrongId = this.api.registration(AuthApi.uniqueEmail("bad-id"));
		wrongId.put("termIds", List.of("not-a-uuid"));
		assertUnreadable(AuthApi.json.writeValueAsString(wrongId), "termIds[0]");
		Map<String, Object> wrongShape = this.api.registration(AuthApi.uniqueEmail("bad-shape"));
		wrongShape.put("termIds", "all of them");
		assertUnreadable(AuthApi.json.writeValueAsString(wrongShape), "termIds");
	}

	@Test
	void badCompleteSignupsNameTheField() {
		String token = this.api.register(AuthApi.uniqueEmail("complete-bad")).path("accessToken").asString();
		AuthApi.Response empty = this.api.postWithToken("/api/auth/complete-signup", Map.of(), token);
		empty.assertError(400, "VALIDATION_FAILED");
		assertThat(empty.errorFields()).containsExactlyInAnyOrder("name", "termIds");
		AuthApi.Response noTerms = this.api.postWithToken("/api/auth/complete-signup", Map.of("name", "김", "termIds", List.of()), token);
		noTerms.assertError(400, "VALIDATION_FAILED");
		assertThat(noTerms.errorFields()).containsOnly("termIds");
		this.api.post("/api/auth/complete-signup", Map.of("name", "김", "termIds", List.of())).assertError(401, "UNAUTHENTICATED");
	}

	@Test
	void badLoginRefreshAndExchangeRequestsNameTheField() {
		assertFieldsAt("/api/auth/login", Map.of(), "email", "password");
		assertFieldsAt("/api/auth/login", Map.of("email", " ", "password", "x"), "email");
		assertFieldsAt("/api/auth/login", Map.of("email", "kim@example.com", "password", ""), "password");
		assertFieldsAt("/api/auth/refresh", Map.of(), "refreshToken");
		assertFieldsAt("/api/auth/refresh", Map.of("refreshToken", "x".repeat(201)), "refreshToken");
		assertFieldsAt("/api/auth/social/exchange", Map.of(), "code");
		this.api.post("/api/auth/social/exchange", Map.of("code", "made-up")).assertError(401, "INVALID_EXCHANGE_CODE");
		AuthApi.Response noBody = this.api.send("POST", "/api/auth/login", null, Map.of("Content-Type", "application/json"));
		noBody.assertError(400, "MALFORMED_REQUEST");
		assertThat(noBody.errorFields()).containsExactly("body");
	}

	private Map<String, Object> with(String field, Object value) {
		Map<String, Object> body = new LinkedHashMap<>(this.api.registration(AuthApi.uniqueEmail("corpus")));
		body.put(field, value);
		return body;
	}

	private void assertFields(Map<String, Object> body, String... fields) {
		assertFieldsAt("/api/auth/register", body, fields);
	}

	private void assertFieldsAt(String path, Map<String, Object> body, String... fields) {
		AuthApi.Response response = this.api.post(path, body);
		response.assertError(400, "VALIDATION_FAILED");
		assertThat(response.errorFields()).as(body.toString()).containsOnly(fields);
		assertThat(response.errorFields()).as(body.toString()).contains(fields);
	}

	private void assertUnreadable(String body, String field) {
		AuthApi.Response response = this.api.post("/api/auth/register", body);
		response.assertError(400, "MALFORMED_REQUEST");
		assertThat(response.errorFields()).as(body).containsExactly(field);
	}

}
