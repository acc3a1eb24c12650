package com.mclass.classes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mclass.platform.test.TestTokens;

/** class-service over real HTTP, as a client (or the gateway) calls it. */
public final class Api {

	public static final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	public Api(int port) {
		this.port = port;
	}

	public static String admin() {
		return TestTokens.admin(UUID.randomUUID());
	}

	public static String user() {
		return TestTokens.user(UUID.randomUUID());
	}

	public Reply get(String path, String token, String... headers) {
		return send("GET", path, token, null, headers);
	}

	public Reply post(String path, String token, Object body, String... headers) {
		return send("POST", path, token, body, headers);
	}

	public Reply put(String path, String token, Object body, String... headers) {
		return send("PUT", path, token, body, headers);
	}

	public Reply delete(String path, String token, String... headers) {
		return send("DELETE", path, token, null, headers);
	}

	private Reply send(String method, String path, String token, Object body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(20));
		if (body != null) {
			String text = (body instanceof String raw) ? raw : json.writeValueAsString(body);
			request.method(method, HttpRequest.BodyPublishers.ofString(text)).header("Content-Type", "application/json");
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode parsed = response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
			return new Reply(response.statusCode(), parsed, response.headers().firstValue("Location").orElse(null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response: status, parsed envelope, Location header. */
	public record Reply(int status, JsonNode body, String location) {

		public JsonNode data() {
			return this.body.path("data");
		}

		public String errorCode() {
			return this.body.path("error").path("code").asString();
		}

		public String errorMessage() {
			return this.body.path("error").path("message").asString();
		}

		/** The {@code field}s of the error's details, in order. */
		public List<String> fields() {
			List<String> fields = new ArrayList<>();
			this.body.path("error").path("details").forEach((detail) -> fields.add(detail.path("field").asString()));
			return fields;
		}

		/** The reason given for {@code field}, or null. */
		public String reason(String field) {
			for (JsonNode detail : this.body.path("error").path("details")) {
				if (field.equals(detail.path("field").asString())) {
					return detail.path("reason").asString();
				}
			}
			return null;
		}

		public UUID id() {
			return UUID.fromString(data().path("id").asString());
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
