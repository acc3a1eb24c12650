package com.mclass.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The only door a system test uses: HTTP to the gateway URL, with timeouts on everything. Every answer is held to the
 * OpenAPI document the gateway publishes for it ({@link ApiContract}): a test that gets an answer its document does not
 * describe fails there.
 */
record Gateway(URI url) {

	private static final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	static final JsonMapper json = JsonMapper.builder().build();

	Reply get(String path, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(this.url.resolve(path)).GET(), headers);
	}

	Reply put(String path, String jsonBody, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(this.url.resolve(path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(jsonBody)), headers);
	}

	Reply delete(String path, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(this.url.resolve(path)).DELETE(), headers);
	}

	/** Headers of a signed-in caller. */
	static Map<String, String> bearer(String accessToken) {
		return Map.of("Authorization", "Bearer " + accessToken);
	}

	Reply post(String path, String jsonBody, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(this.url.resolve(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(jsonBody)), headers);
	}

	private Reply send(HttpRequest.Builder request, Map<String, String> headers) {
		headers.forEach(request::header);
		try {
			HttpRequest sent = request.timeout(Duration.ofSeconds(20)).build();
			HttpResponse<String> response = http.send(sent, HttpResponse.BodyHandlers.ofString());
			Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
			ApiContract contract = ApiContract.forUrl(this.url);
			if (contract != null && !sent.uri().getRawPath().startsWith("/v3/api-docs")) {
				contract.check(sent.method(), sent.uri(), reply);
			}
			return reply;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Gateway call failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Reply(int status, Map<String, java.util.List<String>> headers, String body) {

		JsonNode json() {
			return Gateway.json.readTree(this.body);
		}

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

}
