package com.mclass.gateway.retry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class LostConnectionRetryTests {

	private final LostConnectionRetry retry = new LostConnectionRetry(
			new RetryProperties(1, Duration.ZERO, Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)),
			new SimpleMeterRegistry());

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
	void repeatsAnyMethodThatCarriesAnIdempotencyKey(String method) {
		assertThat(this.retry.mayArriveTwice(request(method).header("Idempotency-Key", "k-1").build())).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD", "OPTIONS" })
	void repeatsTheSafeMethodsWithoutAKey(String method) {
		assertThat(this.retry.mayArriveTwice(request(method).build())).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
	void neverRepeatsOtherMethodsWithoutAKey(String method) {
		assertThat(this.retry.mayArriveTwice(request(method).build())).isFalse();
		assertThat(this.retry.mayArriveTwice(request(method).header("Idempotency-Key", " ").build())).isFalse();
	}

	@Test
	void takesAConnectionClosedOrResetUnderTheRequestForALostConnection() {
		assertThat(LostConnectionRetry.isLostConnection(PrematureCloseException.TEST_EXCEPTION)).isTrue();
		assertThat(LostConnectionRetry.isLostConnection(new IOException("read(..) failed: Connection reset by peer")))
			.isTrue();
		assertThat(LostConnectionRetry.isLostConnection(new IOException("writev(..) failed: Broken pipe"))).isTrue();
		assertThat(LostConnectionRetry.isLostConnection(AbortedException.beforeSend())).isTrue();
		assertThat(LostConnectionRetry.isLostConnection(new IllegalStateException(PrematureCloseException.TEST_EXCEPTION)))
			.isTrue();
	}

	@Test
	void takesNeitherATimeoutNorARefusedConnectionForALostOne() {
		ResponseStatusException responseTimeout = new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
				"Response took longer than timeout", new TimeoutException("Response took longer than timeout"));
		assertThat(LostConnectionRetry.isLostConnection(responseTimeout)).isFalse();
		assertThat(LostConnectionRetry.isLostConnection(ReadTimeoutException.INSTANCE)).isFalse();
		assertThat(LostConnectionRetry.isLostConnection(new ConnectException("Connection refused"))).isFalse();
		assertThat(LostConnectionRetry.isLostConnection(new IOException("Connection timed out"))).isFalse();
	}

	@Test
	void startsTheNextAttemptAfreshWithTheSameBodyAndEndsTheFailedAttemptsSpan() {
		List<String> spanEvents = new CopyOnWriteArrayList<>();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new RecordingHandler(spanEvents));
		MockServerWebExchange exchange = MockServerWebExchange
			.from(request("POST").header("Idempotency-Key", "k-1").body("{\"answers\":{}}"));
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, Route.async()
				.id("enrollment-service")
				.uri(URI.create("http://localhost"))
				.predicate((any) -> true)
				.build());
		List<String> bodiesSent = new CopyOnWriteArrayList<>();

		// Deferred, as the gateway's own filter chain is: each attempt runs the rest of the chain again.
		this.retry.filter(exchange, (attempt) -> Mono.defer(() -> {
			if (ServerWebExchangeUtils.isAlreadyRouted(attempt)) {
				return Mono.error(new IllegalStateException("the next attempt would send nothing"));
			}
			ServerWebExchangeUtils.setAlreadyRouted(attempt);
			attempt.getAttributes()
				.put(ServerWebExchangeUtils.GATEWAY_OBSERVATION_ATTR,
						Observation.start("attempt " + (bodiesSent.size() + 1), observations));
			return bodyOf(attempt).doOnNext(bodiesSent::add)
				.flatMap((body) -> (bodiesSent.size() == 1) ? Mono.error(PrematureCloseException.TEST_EXCEPTION)
						: Mono.empty());
		})).block(Duration.ofSeconds(5));

		assertThat(bodiesSent).containsExactly("{\"answers\":{}}", "{\"answers\":{}}");
		assertThat(spanEvents).containsExactly("attempt 1 failed: PrematureCloseException", "attempt 1 stopped");
	}

	private static Mono<String> bodyOf(ServerWebExchange exchange) {
		return DataBufferUtils.join(exchange.getRequest().getBody()).map((buffer) -> {
			String body = buffer.toString(StandardCharsets.UTF_8);
			DataBufferUtils.release(buffer);
			return body;
		});
	}

	private static MockServerHttpRequest.BodyBuilder request(String method) {
		return MockServerHttpRequest.method(HttpMethod.valueOf(method), "/api/mclasses/1/enrollments");
	}

	private record RecordingHandler(List<String> events) implements ObservationHandler<Observation.Context> {

		@Override
		public void onError(Observation.Context context) {
			this.events.add(context.getName() + " failed: " + context.getError().getClass().getSimpleName());
		}

		@Override
		public void onStop(Observation.Context context) {
			this.events.add(context.getName() + " stopped");
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
