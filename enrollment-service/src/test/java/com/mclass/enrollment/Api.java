package com.mclass.enrollment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP to a running enrollment-service, as a client (or the gateway) calls it. */
public final class Api {

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public static final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	public Api(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	public Call post(String path) {
		return new Call("POST", path);
	}

	public Call get(String path) {
		return new Call("GET", path);
	}

	public Call put(String path) {
		return new Call("PUT", path);
	}

	public Call delete(String path) {
		return new Call("DELETE", path);
	}

	/** One request being put together. */
	public final class Call {

		private final String method;

		private final String path;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private String body;

		private Call(String method, String path) {
			this.method = method;
			this.path = path;
		}

		public Call token(String token) {
			return header("Authorization", "Bearer " + token);
		}

		public Call idempotencyKey(String key) {
			return header("Idempotency-Key", key);
		}

		public Call header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		/** A body of any media type (a CSV upload); {@code contentType} null sends none. */
		public Call body(String contentType, String body) {
			this.body = body;
			return (contentType != null) ? header("Content-Type", contentType) : this;
		}

		public Call json(String body) {
			this.body = body;
			return header("Content-Type", "application/json");
		}

		public Response send() {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.this.baseUrl + this.path))
				.timeout(Duration.ofSeconds(30))
				.method(this.method, (this.body != null) ? HttpRequest.BodyPublishers.ofString(this.body)
						: HttpRequest.BodyPublishers.noBody());
			this.headers.forEach(request::header);
			try {
				HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				return new Response(response.statusCode(), response.headers().map(), response.body());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return Api.json.readTree(this.body);
		}

		public JsonNode data() {
			return json().path("data");
		}

		public String errorCode() {
			return json().path("error").path("code").asString("");
		}

		public Optional<String> header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
