package com.mclass.gateway.live;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;

import io.netty.channel.ChannelOption;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Relays a class's Server-Sent Events stream from enrollment-service, chunk by chunk, flushing each one at once.
 * Not a gateway route on purpose: routes share one connection pool of a few dozen kept-alive connections per service
 * (sized for short requests in a rush) and a response timeout, and a stream holds its upstream connection for as
 * long as the client watches. Streams get a pool of their own ({@code max-streams}) and no response timeout; a stream
 * silent for {@code idle-timeout} (three missed heartbeats) is closed. Access rules, request ids and the path guard
 * apply as to any request; the per-user rate limit does not (one long request per page).
 */
@RestController
class LiveStreamRelay {

	/** Request headers the service needs; nothing else is passed on (identity comes only from the token). */
	private static final List<String> FORWARDED = List.of(HttpHeaders.AUTHORIZATION, "Last-Event-ID", HttpHeaders.ACCEPT_LANGUAGE,
			"X-Request-Id", "traceparent", "tracestate");

	private static final List<String> RETURNED = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CACHE_CONTROL, HttpHeaders.RETRY_AFTER,
			HttpHeaders.CONTENT_LANGUAGE);

	private final WebClient service;

	LiveStreamRelay(LiveProperties properties) {
		ConnectionProvider pool = ConnectionProvider.builder("live-streams")
			.maxConnections(properties.maxStreams())
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(properties.connectTimeout())
			.build();
		HttpClient client = HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
			// Between two reads, not for the whole stream: the service's heartbeat keeps a healthy stream under it.
			.responseTimeout(properties.idleTimeout());
		this.service = WebClient.builder()
			.baseUrl(properties.upstream().toString())
			.clientConnector(new ReactorClientHttpConnector(client))
			.build();
	}

	@GetMapping("/api/mclasses/{id}/live")
	Mono<Void> relay(@PathVariable String id, ServerWebExchange exchange) {
		UUID classId;
		try {
			classId = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		ServerHttpRequest request = exchange.getRequest();
		return this.service.get()
			.uri("/api/mclasses/{id}/live", classId)
			.headers((headers) -> {
				for (String name : FORWARDED) {
					List<String> values = request.getHeaders().get(name);
					if (values != null) {
						headers.put(name, values);
					}
				}
				headers.setAccept(List.of(MediaType.TEXT_EVENT_STREAM));
				InetSocketAddress client = request.getRemoteAddress();
				if (client != null && client.getAddress() != null) {
					headers.set("X-Forwarded-For", client.getAddress().getHostAddress());
				}
			})
			.retrieve()
			.onStatus((status) -> true, (answer) -> Mono.empty())
			.toEntityFlux(DataBuffer.class)
			.flatMap((answer) -> relay(answer, exchange.getResponse()));
	}

	private static Mono<Void> relay(ResponseEntity<Flux<DataBuffer>> answer, ServerHttpResponse response) {
		response.setStatusCode(answer.getStatusCode());
		for (String name : RETURNED) {
			List<String> values = answer.getHeaders().get(name);
			if (values != null) {
				response.getHeaders().put(name, values);
			}
		}
		// Proxies in front (nginx and the like) must not buffer the stream either.
		response.getHeaders().set("X-Accel-Buffering", "no");
		Flux<Publisher<DataBuffer>> chunks = answer.getBody().map(Mono::just);
		return response.writeAndFlushWith(chunks);
	}

}
