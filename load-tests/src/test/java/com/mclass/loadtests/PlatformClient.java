package com.mclass.loadtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The setup's HTTP client (not timed, not Gatling): JSON in and out through the gateway, with the envelope unwrapped
 * by the callers. A 429 is waited out for its {@code Retry-After} and sent again, and so is a 502, 503, 504 or a connection
 * failure a few times: setup must survive the gateway's rate limits and a busy machine, the rush must not.
 */
final class PlatformClient {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final int MAX_ATTEMPTS = 60;

	private final HttpClient http;

	private final URI baseUrl;

	private final Duration timeout;

	private final AtomicLong rateLimited = new AtomicLong();

	PlatformClient(URI baseUrl, Duration timeout) {
		this.baseUrl = baseUrl;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build(); // its own executor: the callers' pool threads block in send(), which needs another thread to finish
	}

	/** A response: status, parsed body (null when empty or not JSON) and the raw headers we care about. */
	record Reply(int status, JsonNode body, String raw, HttpResponse<String> response) {

		JsonNode data() {
			return (this.body != null) ? this.body.path("data") : null;
		}

		String errorCode() {
			return (this.body != null) ? this.body.path("error").path("code").asText("") : "";
		}

		Reply expect(int expected, String what) {
			if (this.status != expected) {
				throw new IllegalStateException(what + ": expected HTTP " + expected + " but got " + this.status + " " + abbreviate(this.raw));
			}
			return this;
		}

	}

	long rateLimitedCount() {
		return this.rateLimited.get();
	}

	Reply get(String path, String token) {
		return send("GET", path, token, null, Map.of());
	}

	Reply post(String path, String token, Object body) {
		return send("POST", path, token, body, Map.of());
	}

	Reply post(String path, String token, Object body, Map<String, String> headers) {
		return send("POST", path, token, body, headers);
	}

	private Reply send(String method, String path, String token, Object body, Map<String, String> headers) {
		IOException lastFailure = null;
		int unavailable = 0;
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			HttpRequest.Builder request = HttpRequest.newBuilder(this.baseUrl.resolve(path))
				.timeout(this.timeout)
				.header("Accept", "application/json")
				.header("Accept-Language", "en");
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			headers.forEach(request::header);
			if (body != null) {
				request.header("Content-Type", "application/json");
				request.method(method, HttpRequest.BodyPublishers.ofString(write(body)));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			try {
				HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				int status = response.statusCode();
				if (status == 429) {
					this.rateLimited.incrementAndGet();
					sleep(retryAfterMillis(response));
					continue;
				}
				if ((status == 503 || status == 502 || status == 504) && ++unavailable <= 5) {
					sleep(500L * unavailable);
					continue;
				}
				return new Reply(status, parse(response.body()), response.body(), response);
			}
			catch (IOException ex) {
				lastFailure = ex;
				if (++unavailable > 5) {
					break;
				}
				sleep(500L * unavailable);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted", ex);
			}
		}
		throw new IllegalStateException(method + " " + path + " kept failing (rate limited, unavailable or unreachable)", lastFailure);
	}

	private static long retryAfterMillis(HttpResponse<?> response) {
		String header = response.headers().firstValue("Retry-After").orElse("1");
		try {
			return Math.max(100, Math.min(60_000, (long) (Double.parseDouble(header.trim()) * 1000)));
		}
		catch (NumberFormatException ex) {
			return 1000;
		}
	}

	static String write(Object body) {
		try {
			return (body instanceof String text) ? text : JSON.writeValueAsString(body);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	static JsonNode parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return JSON.readTree(text);
		}
		catch (IOException ex) {
			return null;
		}
	}

	static String abbreviate(String text) {
		if (text == null) {
			return "";
		}
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
