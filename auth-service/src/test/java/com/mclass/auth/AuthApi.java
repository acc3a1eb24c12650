package com.mclass.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A client of the running service over real HTTP, for integration tests. */
public class AuthApi {

	public static final JsonMapper json = JsonMapper.builder().build();

	private static final AtomicInteger sequence = new AtomicInteger();

	/** Never follows redirects: tests look at each hop. */
	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String baseUrl;

	public AuthApi(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/** A strong, unique password (never on the common list). */
	public static final String PASSWORD = "correct horse battery staple";

	public static String uniqueEmail(String prefix) {
		return prefix + "-" + System.nanoTime() + "-" + sequence.incrementAndGet() + "@example.com";
	}

	public Response get(String path, Map<String, String> headers) {
		return send("GET", path, null, headers);
	}

	public Response get(String path) {
		return get(path, Map.of());
	}

	public Response getWithToken(String path, String accessToken) {
		return get(path, Map.of("Authorization", "Bearer " + accessToken));
	}

	public Response post(String path, Object body) {
		return send("POST", path, body, Map.of());
	}

	public Response post(String path, Object body, Map<String, String> headers) {
		return send("POST", path, body, headers);
	}

	public Response postWithToken(String path, Object body, String accessToken) {
		return send("POST", path, body, Map.of("Authorization", "Bearer " + accessToken));
	}

	public Response put(String path, Object body, String accessToken) {
		return send("PUT", path, body, Map.of("Authorization", "Bearer " + accessToken));
	}

	public Response send(String method, String path, Object body, Map<String, String> headers) {
		String text = (body == null) ? null : (body instanceof String raw) ? raw : json.writeValueAsString(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : this.baseUrl + path))
			.timeout(Duration.ofSeconds(20))
			.method(method, (text == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
		if (text != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The ids of the current terms that are required. */
	public List<String> requiredTermIds() {
		JsonNode terms = get("/api/terms").body().path("data");
		List<String> ids = new ArrayList<>();
		terms.forEach((term) -> {
			if (term.path("isRequired").asBoolean()) {
				ids.add(term.path("id").asString());
			}
		});
		return ids;
	}

	public Map<String, Object> registration(String email) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", email);
		body.put("password", PASSWORD);
		body.put("name", "테스트 사용자");
		body.put("termIds", requiredTermIds());
		return body;
	}

	/** Registers a new local user and returns the token response's {@code data}. */
	public JsonNode register(String email) {
		Response response = post("/api/auth/register", registration(email));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.data();
	}

	public JsonNode login(String email, String password) {
		Response response = post("/api/auth/login", Map.of("email", email, "password", password));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.data();
	}

	/** Logs in as the bootstrap administrator (application.yml's dev defaults). */
	public String adminAccessToken() {
		return login("admin@mclass.local", "mclass-admin-dev-only").path("accessToken").asString();
	}

	public static UUID userId(JsonNode tokenData) {
		return UUID.fromString(tokenData.path("user").path("id").asString());
	}

	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String text() {
			return this.raw.body();
		}

		public JsonNode body() {
			return json.readTree(this.raw.body());
		}

		public JsonNode data() {
			return body().path("data");
		}

		public JsonNode error() {
			return body().path("error");
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public List<String> headers(String name) {
			return this.raw.headers().allValues(name);
		}

		/** The error envelope with {@code code}, no stack traces. */
		public JsonNode assertError(int status, String code) {
			assertThat(status()).as(text()).isEqualTo(status);
			JsonNode body = body();
			assertThat(body.path("success").asBoolean(true)).as(text()).isFalse();
			assertThat(body.path("error").path("code").asString()).as(text()).isEqualTo(code);
			assertThat(body.path("error").path("message").asString()).as(text()).isNotBlank();
			assertThat(text()).doesNotContain("Exception").doesNotContain("\tat ");
			return body.path("error");
		}

		/** The fields named in the error details. */
		public List<String> errorFields() {
			List<String> fields = new ArrayList<>();
			error().path("details").forEach((detail) -> fields.add(detail.path("field").asString()));
			return fields;
		}

	}

}
