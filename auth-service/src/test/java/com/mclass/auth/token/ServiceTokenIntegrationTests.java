package com.mclass.auth.token;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.auth.AuthApi;
import com.mclass.auth.AuthServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service tokens: the client-credentials grant at {@code POST /oauth2/token} for the services configured in
 * {@code mclass.auth.service.clients}, and what such a token opens (this service's {@code /internal/**}, nothing of the
 * API) and what it does not.
 */
@AuthServiceIntegrationTest
class ServiceTokenIntegrationTests {

	private static final String CLIENT = "enrollment-service";

	private static final String SECRET = "dev-only-enrollment-service-secret";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	AuthApi api;

	@BeforeEach
	void setUp() {
		this.api = new AuthApi(this.port);
	}

	@Test
	void aConfiguredServiceGetsAShortLivedTokenForInternalCalls() throws Exception {
		HttpResponse<String> response = token("grant_type=client_credentials", basic(CLIENT, SECRET));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		JsonNode body = AuthApi.json.readTree(response.body());
		assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.path("expires_in").asLong()).isEqualTo(300);
		SignedJWT token = SignedJWT.parse(body.path("access_token").asString());
		assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("mclass-internal");
		assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("service:" + CLIENT);
		assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
	}

	@Test
	void credentialsInTheFormWorkToo() throws Exception {
		HttpResponse<String> response = token("grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=" + SECRET, null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@Test
	void aWrongSecretAnUnknownClientOrNoCredentialsAreInvalidClients() throws Exception {
		for (String authorization : new String[] { basic(CLIENT, SECRET + "x"), basic("class-service", SECRET),
				"Basic not-base64!", null }) {
			HttpResponse<String> response = token("grant_type=client_credentials", authorization);
			assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
			assertThat(AuthApi.json.readTree(response.body()).path("error").asString()).isEqualTo("invalid_client");
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying((value) -> assertThat(value).startsWith("Basic"));
		}
	}

	@Test
	void otherGrantsAreRefused() throws Exception {
		HttpResponse<String> password = token("grant_type=password&username=a&password=b", basic(CLIENT, SECRET));
		assertThat(password.statusCode()).isEqualTo(400);
		assertThat(AuthApi.json.readTree(password.body()).path("error").asString()).isEqualTo("unsupported_grant_type");

		HttpResponse<String> none = token("", basic(CLIENT, SECRET));
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(AuthApi.json.readTree(none.body()).path("error").asString()).isEqualTo("invalid_request");
	}

	@Test
	void internalStatsAnswerAServiceTokenOnlyAndAServiceTokenOpensNoApiRoute() throws Exception {
		String serviceToken = AuthApi.json.readTree(token("grant_type=client_credentials", basic(CLIENT, SECRET)).body())
			.path("access_token")
			.asString();

		assertThat(this.api.get("/internal/stats").status()).isEqualTo(401);
		assertThat(this.api.getWithToken("/internal/stats", this.api.adminAccessToken()).status()).isEqualTo(401);
		AuthApi.Response stats = this.api.getWithToken("/internal/stats", serviceToken);
		assertThat(stats.status()).as(stats.text()).isEqualTo(200);
		assertThat(stats.data().path("totalUsers").asLong()).isPositive();

		assertThat(this.api.getWithToken("/api/auth/me", serviceToken).status()).isEqualTo(401);
		assertThat(this.api.getWithToken("/api/admin/users", serviceToken).status()).isEqualTo(401);
	}

	private HttpResponse<String> token(String form, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String client, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

}
