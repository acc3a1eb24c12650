package com.mclass.gateway.classlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import com.mclass.platform.web.ApiException;

/**
 * Answers a list request {@link ClassListKeeping} marked from {@link PublicClassList}, when it holds a fresh answer:
 * the same body, {@code ETag} and {@code Vary} class-service sent, {@code Cache-Control} with the {@code max-age} left
 * ({@code private} for a student), or {@code 304} when {@code If-None-Match} names the ETag. When class-service does
 * not answer (the gateway would say 502, 503 or 504), a copy no older than the stale-if-error period is served instead,
 * with {@code max-age=0} and its {@code Age}. Runs after the route's filters, so the rate limit counts these requests
 * as before.
 */
class ClassListServing implements GlobalFilter, Ordered {

	static final String REQUESTS_METRIC = "mclass.gateway.class.list.requests";

	private static final Logger log = LoggerFactory.getLogger(ClassListServing.class);

	private static final long WARNING_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

	private final PublicClassList list;

	private final Clock clock;

	private final Counter fromMemory;

	private final Counter fromService;

	private final Counter stale;

	private final AtomicLong lastStaleWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

	ClassListServing(PublicClassList list, Clock clock, MeterRegistry meters) {
		this.list = list;
		this.clock = clock;
		this.fromMemory = requests(meters, "memory");
		this.fromService = requests(meters, "service");
		this.stale = requests(meters, "stale");
	}

	private static Counter requests(MeterRegistry meters, String answeredFrom) {
		return Counter.builder(REQUESTS_METRIC)
			.description("Class list requests of anonymous callers and students, by where the answer came from "
					+ "(stale: a kept copy, class-service unreachable; also counted under service)")
			.tag("from", answeredFrom)
			.register(meters);
	}

	@Override
	public int getOrder() {
		// After the route's own filters (the rate limiter is its first), before the service is even looked up.
		return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER - 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ListRequest listRequest = ListRequest.of(exchange);
		if (listRequest == null) {
			return chain.filter(exchange);
		}
		Instant now = this.clock.instant();
		PublicClassList.Answer answer = this.list.find(listRequest.query(), now);
		if (answer != null && !listRequest.revalidate()) {
			this.fromMemory.increment();
			return answer(exchange, answer, listRequest.cacheControl(answer.maxAgeLeft(now)));
		}
		this.fromService.increment();
		PublicClassList.Answer stale = this.list.findStale(listRequest.query(), now);
		if (stale == null) {
			return chain.filter(exchange);
		}
		// The list as it was is more use to a student than a 503 while class-service is down, restarting or swamped.
		return chain.filter(exchange)
			.onErrorResume((failure) -> classServiceDidNotAnswer(failure) && !exchange.getResponse().isCommitted(),
					(failure) -> {
						this.stale.increment();
						warnAtMostEvery10Seconds(failure, stale);
						exchange.getResponse().getHeaders().set(HttpHeaders.AGE,
								Long.toString(stale.ageAt(this.clock.instant())));
						return answer(exchange, stale, listRequest.cacheControl(0));
					});
	}

	/** The kept answer with class-service's body, ETag and Vary, or 304 when {@code If-None-Match} names its ETag. */
	private static Mono<Void> answer(ServerWebExchange exchange, PublicClassList.Answer answer, String cacheControl) {
		ServerHttpResponse response = exchange.getResponse();
		HttpHeaders headers = response.getHeaders();
		headers.setCacheControl(cacheControl);
		headers.setVary(List.of(HttpHeaders.AUTHORIZATION));
		if (answer.etag() != null) {
			headers.setETag(answer.etag());
			if (matches(exchange.getRequest().getHeaders().getIfNoneMatch(), answer.etag())) {
				response.setStatusCode(HttpStatus.NOT_MODIFIED);
				return response.setComplete();
			}
		}
		response.setStatusCode(HttpStatus.OK);
		if (answer.contentType() != null) {
			headers.setContentType(answer.contentType());
		}
		headers.setContentLength(answer.body().length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
	}

	/**
	 * What can fail below this filter is the trip to class-service and back: refused or lost connections, timeouts, no
	 * instance (502, 503, 504 to the client). Only a refusal of the client's own request is passed on as it is.
	 */
	static boolean classServiceDidNotAnswer(Throwable failure) {
		if (failure instanceof ApiException refusal) {
			return refusal.errorCode().httpStatus() >= 500;
		}
		return !(failure instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError());
	}

	/** One line per outage and ten seconds, not one per request (the metric counts them all). */
	private void warnAtMostEvery10Seconds(Throwable failure, PublicClassList.Answer stale) {
		long now = System.nanoTime();
		long last = this.lastStaleWarning.get();
		if (now - last >= WARNING_INTERVAL_NANOS && this.lastStaleWarning.compareAndSet(last, now)) {
			log.warn("class-service unreachable ({}): class lists answered from the gateway's last copies (e.g. one of {} s ago)",
					failure.toString(), stale.ageAt(this.clock.instant()));
		}
	}

	/** Weak comparison, as for {@code If-None-Match} (RFC 9110 §13.1.2). */
	static boolean matches(List<String> ifNoneMatch, String etag) {
		String opaque = withoutWeakPrefix(etag);
		for (String candidate : ifNoneMatch) {
			if (candidate.equals("*") || withoutWeakPrefix(candidate).equals(opaque)) {
				return true;
			}
		}
		return false;
	}

	private static String withoutWeakPrefix(String etag) {
		String trimmed = etag.strip();
		return trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed;
	}

}
