package com.mclass.gateway.retry;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;
import reactor.util.retry.Retry;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

import com.mclass.gateway.TracedLogging;

/**
 * Sends a request to its service once more ({@code mclass.gateway.retry.max-retries}) when the connection was lost
 * before any answer came back. A pooled keep-alive connection that the service closes just as the gateway starts
 * writing on it fails the request with {@code PrematureCloseException ... BEFORE response} or a connection reset;
 * Reactor Netty retries that by itself only while the request headers have not gone out yet, so in an enrollment rush
 * a few requests ended as 502 although the service was fine.
 * <p>
 * Only requests that may safely arrive twice are repeated: those with an {@code Idempotency-Key} (the service answers a
 * repetition from what it stored for the key, or 409 {@code IDEMPOTENCY_KEY_IN_USE} while the first is still running)
 * and the methods of {@code mclass.gateway.retry.methods}, by default the safe ones. Never repeated: anything the
 * service answered, whatever the status; the response timeout (504), since a slow service is likely still working on
 * the first attempt; connect failures (503), where a second attempt right away would mostly double the wait; and
 * anything after the answer started. When the last attempt fails too, its failure goes on to the error envelope as if
 * there had been no retry.
 */
@Component
class LostConnectionRetry implements GlobalFilter, Ordered {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String RETRIES_METRIC = "mclass.gateway.retries";

	/** The retry got an answer from the service, whatever its status. */
	static final String ANSWERED = "answered";

	/** The retry failed as well. */
	static final String FAILED = "failed";

	private static final Logger log = LoggerFactory.getLogger(LostConnectionRetry.class);

	private final RetryProperties properties;

	private final MeterRegistry meters;

	LostConnectionRetry(RetryProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
	}

	@Override
	public int getOrder() {
		// Right before the routing filters (WebsocketRoutingFilter one before NettyRoutingFilter): the token check, the
		// rate limiter (one token per client request, not per attempt) and the body limit run once; only the
		// forwarding is repeated. The body limit therefore still counts the body before it is cached here.
		return NettyRoutingFilter.ORDER - 2;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (this.properties.maxRetries() == 0 || !mayArriveTwice(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		// A client sends its body once; a second attempt needs it again. The cached copy is released when the exchange
		// ends (RemoveCachedBodyFilter), and the body limit already bounds its size.
		return ServerWebExchangeUtils.cacheRequestBody(exchange,
				(replayable) -> forward(exchange.mutate().request(replayable).build(), chain));
	}

	boolean mayArriveTwice(ServerHttpRequest request) {
		return StringUtils.hasText(request.getHeaders().getFirst(IDEMPOTENCY_KEY))
				|| this.properties.methods().contains(request.getMethod());
	}

	/**
	 * Whether the connection broke under the request: closed before the answer, reset, or closed while the request was
	 * still being written. A timeout, a refused connection or a status are not among them.
	 */
	static boolean isLostConnection(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PrematureCloseException || AbortedException.isConnectionReset(cause)) {
				return true;
			}
		}
		return false;
	}

	private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain) {
		String route = exchange.<Route>getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR).getId();
		return Mono.deferContextual((context) -> {
			AtomicInteger retries = new AtomicInteger();
			Retry policy = Retry.fixedDelay(this.properties.maxRetries(), this.properties.backoff())
				.filter((failure) -> isLostConnection(failure) && nothingAnsweredYet(exchange))
				.doBeforeRetry((signal) -> {
					if (retries.getAndIncrement() > 0) {
						count(route, FAILED);
					}
					try (ContextSnapshot.Scope traced = TracedLogging.scope(context)) {
						logRetry(exchange, route, retries.get(), signal.failure());
					}
					discardFailedAttempt(exchange, signal.failure());
				})
				// The failure itself, not Reactor's "retries exhausted", decides the client's answer (502).
				.onRetryExhaustedThrow((spec, signal) -> signal.failure());
			return chain.filter(exchange)
				.retryWhen(policy)
				.doOnSuccess((done) -> countLastRetry(route, retries, ANSWERED))
				.doOnError((failure) -> countLastRetry(route, retries, FAILED));
		});
	}

	/** No status arrived from the service and nothing was sent to the client: the request can start over. */
	private static boolean nothingAnsweredYet(ServerWebExchange exchange) {
		return exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) == null
				&& !exchange.getResponse().isCommitted();
	}

	private static void discardFailedAttempt(ServerWebExchange exchange, Throwable failure) {
		// Without this the routing filter would consider the request already routed and send nothing.
		ServerWebExchangeUtils.reset(exchange);
		// The failed attempt's client span ends here with its error; the next attempt starts its own.
		Observation attempt = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_OBSERVATION_ATTR);
		if (attempt != null) {
			exchange.getAttributes().remove(ServerWebExchangeUtils.GATEWAY_OBSERVATION_ATTR);
			attempt.error(failure);
			attempt.stop();
		}
	}

	private void logRetry(ServerWebExchange exchange, String route, int retry, Throwable failure) {
		// A warning, not debug: a retry that hides a flaky connection must still be seen.
		ServerHttpRequest request = exchange.getRequest();
		log.warn("{} {} (route {}) lost its connection before an answer, sending it again ({} of {}): {}",
				request.getMethod(), request.getPath().value(), route, retry, this.properties.maxRetries(),
				failure.toString());
	}

	private void countLastRetry(String route, AtomicInteger retries, String outcome) {
		if (retries.get() > 0) {
			count(route, outcome);
		}
	}

	private void count(String route, String outcome) {
		Counter.builder(RETRIES_METRIC)
			.description("Requests sent to a service again after the connection was lost before an answer")
			.tag("route", route)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

}
