package com.mclass.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import com.mclass.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the test context's limits: users 1/s with a burst of 40, the token endpoints 1/s with a burst of 20.
 * Requests go out several at a time, so that the buckets run dry however slowly each single answer comes.
 */
class RateLimitIntegrationTests extends GatewayIntegrationTest {

	private static final int REQUESTS = 100;

	/** Enough to outrun the replenish rates, few enough not to swamp the stub services. */
	private static final int IN_FLIGHT = 8;

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@Test
	void reportsTheRemainingBudgetOnEveryAnswer() {
		this.client.get()
			.uri("/api/enrollments/my")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-RateLimit-Remaining", "39")
			.expectHeader()
			.valueEquals("X-RateLimit-Burst-Capacity", "40")
			.expectHeader()
			.valueEquals("X-RateLimit-Replenish-Rate", "1");
	}

	@Test
	void refusesAUserPastTheBurstWithTheEnvelopeAndRetryAfter() {
		String token = userToken();

		ResponseEntity<String> refused = firstRefusal(burst(direct(),
				(client) -> client.get().uri("/api/enrollments/my").headers((headers) -> headers.setBearerAuth(token))));

		assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(refused.getHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		JsonNode body = json.readTree(refused.getBody());
		assertThat(body.path("success").asBoolean(true)).isFalse();
		assertThat(body.path("error").path("code").asString()).isEqualTo("RATE_LIMITED");
		assertThat(body.path("error").path("message").asString()).isEqualTo("요청이 너무 많습니다. 잠시 후 다시 시도하세요.");
	}

	@Test
	void countsEachUserSeparately() {
		String greedy = userToken();
		firstRefusal(burst(direct(),
				(client) -> client.get().uri("/api/enrollments/my").headers((headers) -> headers.setBearerAuth(greedy))));

		this.client.get()
			.uri("/api/enrollments/my")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void limitsTheTokenEndpointsPerClientAddress() {
		// Behind the trusted proxy each run is a client network of its own, whatever other tests sent.
		String network = "2001:db8:" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff) + ":"
				+ Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff) + "::";
		// A guesser rotating through the addresses of its /64 shares one bucket.
		AtomicInteger host = new AtomicInteger();

		ResponseEntity<String> refused = firstRefusal(burst(throughTrustedProxy(),
				(client) -> client.post()
					.uri("/api/auth/login")
					.header("X-Forwarded-For", network + Integer.toHexString(host.incrementAndGet()))));

		assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(refused.getBody()).contains("\"code\":\"RATE_LIMITED\"");
		fromTrustedProxy(this.port).post()
			.uri("/api/auth/login")
			.header("X-Forwarded-For", "2001:db8:1::" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private WebClient direct() {
		return WebClient.create("http://localhost:" + this.port);
	}

	private WebClient throughTrustedProxy() {
		HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress("127.0.0.2", 0));
		return WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.baseUrl("http://127.0.0.1:" + this.port)
			.build();
	}

	private static List<ResponseEntity<String>> burst(WebClient client,
			Function<WebClient, WebClient.RequestHeadersSpec<?>> request) {
		return Flux.range(0, REQUESTS)
			.flatMap((i) -> request.apply(client).exchangeToMono((response) -> response.toEntity(String.class)),
					IN_FLIGHT)
			.collectList()
			.block();
	}

	/** Every answer is a success or a refusal, and at least one is a refusal. */
	private static ResponseEntity<String> firstRefusal(List<ResponseEntity<String>> answers) {
		assertThat(answers).extracting((answer) -> answer.getStatusCode().value()).containsOnly(200, 429).contains(429);
		return answers.stream().filter((answer) -> answer.getStatusCode().value() == 429).findFirst().orElseThrow();
	}

}
