package com.mclass.gateway.queue;

import java.time.Duration;
import java.util.function.ToIntFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.InstrumentedPool.PoolMetrics;
import reactor.pool.PoolAcquirePendingLimitException;
import reactor.pool.PoolAcquireTimeoutException;
import reactor.pool.PoolBuilder;
import reactor.pool.PooledRef;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * Passes joins ({@code POST /api/mclasses/{id}/queue}) on to enrollment-service a few at a time, the rest waiting here
 * in arrival order. In a rush thousands of students join at once while the first admitted ones enroll: passed on all
 * together, the joins took every connection to enrollment-service and every one of its request threads, and an
 * admitted student's enroll waited behind them (p99 0.5 s while others joined, 16 ms after; load-tests/README.md). A
 * waiting join costs nothing but a pending entry; the joins still reach the room in the order they arrived here. A join
 * that cannot start within {@code max-wait}, or finds {@code max-waiting} joins ahead of it, is answered 503 with
 * {@code Retry-After} at once.
 *
 * <p>The permits are a {@link reactor.pool Reactor pool} of tokens: its pending acquisitions are the FIFO of waiting
 * joins, with a timeout and a bound, and nothing blocks a Netty thread.
 */
class QueueJoinLane implements GlobalFilter, Ordered {

	static final String JOINS_METRIC = "mclass.gateway.queue.joins";

	private static final PathPattern JOIN = PathPatternParser.defaultInstance.parse("/api/mclasses/{id}/queue");

	private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

	/** Null when the lane is off. */
	private final InstrumentedPool<Boolean> permits;

	private final Duration maxWait;

	private final Counter refused;

	QueueJoinLane(QueueJoinProperties properties, MeterRegistry meters) {
		this.maxWait = properties.maxWait();
		this.refused = Counter.builder(JOINS_METRIC + ".refused")
			.description("Waiting-room joins answered 503 because their turn did not come within max-wait or the line was full")
			.register(meters);
		if (!properties.enabled()) {
			this.permits = null;
			return;
		}
		this.permits = PoolBuilder.from(Mono.just(Boolean.TRUE))
			.sizeBetween(0, properties.inFlight())
			.maxPendingAcquire(properties.maxWaiting())
			.buildPool();
		joins(meters, "in_flight", PoolMetrics::acquiredSize);
		joins(meters, "waiting", PoolMetrics::pendingAcquireSize);
	}

	private void joins(MeterRegistry meters, String state, ToIntFunction<PoolMetrics> count) {
		Gauge.builder(JOINS_METRIC, this.permits.metrics(), count::applyAsInt)
			.description("Waiting-room joins this gateway has at enrollment-service (in_flight) or holds in line (waiting)")
			.tag("state", state)
			.register(meters);
	}

	@Override
	public int getOrder() {
		// After security and the route's rate limiter: a join refused there never takes a turn.
		return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER - 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (this.permits == null || !isJoin(exchange)) {
			return chain.filter(exchange);
		}
		return Mono.usingWhen(this.permits.acquire(this.maxWait), (permit) -> chain.filter(exchange), PooledRef::release,
				(permit, failure) -> permit.release(), PooledRef::release)
			.onErrorMap((failure) -> failure instanceof PoolAcquireTimeoutException
					|| failure instanceof PoolAcquirePendingLimitException, (failure) -> {
						this.refused.increment();
						return new ApiException(CommonErrorCode.SERVICE_UNAVAILABLE, RETRY_AFTER);
					});
	}

	private static boolean isJoin(ServerWebExchange exchange) {
		return HttpMethod.POST.equals(exchange.getRequest().getMethod())
				&& JOIN.matches(exchange.getRequest().getPath().pathWithinApplication());
	}

}
