package com.mclass.gateway.classlist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a list request {@link ClassListKeeping} marked from {@link PublicClassList}, when it holds a fresh answer:
 * the same body, {@code ETag} and {@code Vary} class-service sent, {@code Cache-Control} with the {@code max-age} left
 * ({@code private} for a student), or {@code 304} when {@code If-None-Match} names the ETag. Runs after the route's
 * filters, so the rate limit counts these requests as before.
 */
class ClassListServing implements GlobalFilter, Ordered {

	static final String REQUESTS_METRIC = "mclass.gateway.class.list.requests";

	private final PublicClassList list;

	private final Clock clock;

	private final Counter fromMemory;

	private final Counter fromService;

	ClassListServing(PublicClassList list, Clock clock, MeterRegistry meters) {
		this.list = list;
		this.clock = clock;
		this.fromMemory = requests(meters, "memory");
		this.fromService = requests(meters, "service");
	}

	private static Counter requests(MeterRegistry meters, String answeredFrom) {
		return Counter.builder(REQUESTS_METRIC)
			.description("Class list requests of anonymous callers and students, by where the answer came from")
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
		if (answer == null || noCache(exchange)) {
			this.fromService.increment();
			return chain.filter(exchange);
		}
		this.fromMemory.increment();
		ServerHttpResponse response = exchange.getResponse();
		HttpHeaders headers = response.getHeaders();
		headers.setCacheControl(listRequest.cacheControl(answer.maxAgeLeft(now)));
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
			headers.setContentType(MediaType.parseMediaType(answer.contentType()));
		}
		headers.setContentLength(answer.body().length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
	}

	/** {@code Cache-Control: no-cache} from the client: ask class-service (its answer is kept for the others). */
	private static boolean noCache(ServerWebExchange exchange) {
		String cacheControl = exchange.getRequest().getHeaders().getCacheControl();
		return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-cache");
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
