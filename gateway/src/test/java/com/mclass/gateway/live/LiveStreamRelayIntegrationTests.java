package com.mclass.gateway.live;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.gateway.GatewayIntegrationTest;
import com.mclass.gateway.StubService;

import static org.assertj.core.api.Assertions.assertThat;

class LiveStreamRelayIntegrationTests extends GatewayIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void eventsStreamThroughAsTheyComeAndOutliveTheRoutesResponseTimeout() throws Exception {
		long start = System.nanoTime();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/mclasses/" + UUID.randomUUID() + "/live"))
			.header("Authorization", "Bearer " + userToken())
			.header("Last-Event-ID", "5-0")
			.header("X-User-Id", "forged")
			.build();
		HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		List<String> lines = new ArrayList<>();
		long firstEventAfterMillis = -1;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.startsWith("data:") && firstEventAfterMillis < 0) {
					firstEventAfterMillis = (System.nanoTime() - start) / 1_000_000;
				}
				lines.add(line);
			}
		}
		long totalMillis = (System.nanoTime() - start) / 1_000_000;
		// The first event arrives while the service still holds the stream open: nothing buffers it.
		assertThat(firstEventAfterMillis).isBetween(0L, StubService.SLOW_ANSWER.toMillis() - 1_000);
		assertThat(lines).contains("event: first", "data: {\"lastEventId\":\"5-0\",\"token\":true}", ": heartbeat", "id: 7-0",
				"event: second");
		// The whole stream lasted longer than the routes' response timeout (2 s in tests) and was not cut.
		assertThat(totalMillis).isGreaterThanOrEqualTo(StubService.SLOW_ANSWER.toMillis());
		assertThat(ENROLLMENT.received().stream().filter((r) -> r.rawPath().endsWith("/live")).findFirst().orElseThrow().headers())
			.doesNotContainKey("X-user-id");
	}

	@Test
	void aStreamOfAMalformedClassIdIsNotFound() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/mclasses/abc/live")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
	}

}
