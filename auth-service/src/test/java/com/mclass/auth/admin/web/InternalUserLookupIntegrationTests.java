package com.mclass.auth.admin.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

/** {@code POST /internal/users/lookup}: accounts by e-mail, for enrollment-service's bulk enrollment. */
@AuthServiceIntegrationTest
class InternalUserLookupIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	AuthApi api;

	@BeforeEach
	void client() {
		this.api = new AuthApi(this.port);
	}

	@Test
	void aServiceFindsAccountsByEmailInAnyCaseAndUnknownAddressesAreAbsent() throws Exception {
		String email = AuthApi.uniqueEmail("lookup");
		UUID id = AuthApi.userId(this.api.register(email));

		AuthApi.Response found = this.api.send("POST", "/internal/users/lookup",
				Map.of("emails", List.of(email.toUpperCase(), "nobody-" + UUID.randomUUID() + "@example.com")),
				Map.of("Authorization", "Bearer " + serviceToken()));

		assertThat(found.status()).as(found.text()).isEqualTo(200);
		JsonNode users = found.data().path("users");
		assertThat(users).hasSize(1);
		assertThat(users.get(0).path("id").asString()).isEqualTo(id.toString());
		assertThat(users.get(0).path("email").asString()).isEqualTo(email);
		assertThat(users.get(0).path("signUpCompleted").asBoolean()).isTrue();
		assertThat(users.get(0).path("disabled").asBoolean()).isFalse();
	}

	@Test
	void theLookupRequiresAServiceTokenNotAUsersOrAnAdministratorsToken() {
		Map<String, Object> body = Map.of("emails", List.of("admin@mclass.local"));

		assertThat(this.api.post("/internal/users/lookup", body).status()).isEqualTo(401);
		assertThat(this.api.postWithToken("/internal/users/lookup", body, this.api.adminAccessToken()).status()).isEqualTo(401);
	}

	@Test
	void tooManyAddressesInOneCallAreRefusedNamingTheField() throws Exception {
		List<String> emails = java.util.stream.IntStream.range(0, 1001).mapToObj((i) -> "a" + i + "@example.com").toList();

		AuthApi.Response refused = this.api.send("POST", "/internal/users/lookup", Map.of("emails", emails),
				Map.of("Authorization", "Bearer " + serviceToken()));

		refused.assertError(400, "VALIDATION_FAILED");
		assertThat(refused.errorFields()).contains("emails");
	}

	private String serviceToken() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString("enrollment-service:dev-only-enrollment-service-secret".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		return AuthApi.json.readTree(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asString();
	}

}
