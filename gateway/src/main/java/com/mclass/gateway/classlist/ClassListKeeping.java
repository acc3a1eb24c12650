package com.mclass.gateway.classlist;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Sends the class list requests of anonymous callers and students to class-service as anonymous ones, keeps its public
 * answers in {@link PublicClassList}, and drops them when a class is created, edited or deleted through this gateway.
 * <p>
 * Students see exactly the anonymous list (PUBLIC classes; only admins also see UNLISTED ones), so one copy serves
 * them all; asking as anonymous is what makes class-service's answer {@code public}, the only kind kept. Admins' list
 * requests pass untouched. Runs before {@link NettyWriteResponseFilter}, which writes the service's answer through the
 * response this filter hands down; {@link ClassListServing} answers from the copy later in the chain, after the rate
 * limiter.
 */
class ClassListKeeping implements GlobalFilter, Ordered {

	static final String LIST_PATH = "/api/mclasses";

	/** The writes that change what the list shows (enrollments under the same prefix do not). */
	private static final PathPattern ONE_CLASS = PathPatternParser.defaultInstance.parse("/api/mclasses/{id}");

	private static final List<HttpMethod> CHANGES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
			HttpMethod.DELETE);

	private final PublicClassList list;

	private final ClassListCacheProperties properties;

	private final Clock clock;

	ClassListKeeping(PublicClassList list, ClassListCacheProperties properties, Clock clock) {
		this.list = list;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public int getOrder() {
		return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		PathContainer path = request.getPath().pathWithinApplication();
		if (!this.properties.enabled() || !path.value().startsWith(LIST_PATH)) {
			return chain.filter(exchange);
		}
		if (CHANGES.contains(request.getMethod())) {
			if (path.value().equals(LIST_PATH) || ONE_CLASS.matches(path)) {
				// When the admin hears back, the change is committed: no list request after that gets the copy.
				exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(this.list::clear));
			}
			return chain.filter(exchange);
		}
		String cacheControl = Optional.ofNullable(request.getHeaders().getCacheControl()).orElse("").toLowerCase(Locale.ROOT);
		if (request.getMethod() != HttpMethod.GET || !path.value().equals(LIST_PATH) || cacheControl.contains("no-store")) {
			// no-store from the client: neither served from the copy nor kept.
			return chain.filter(exchange);
		}
		boolean revalidate = cacheControl.contains("no-cache");
		return exchange.getPrincipal()
			.filter((principal) -> !(principal instanceof AnonymousAuthenticationToken))
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((principal) -> principal.filter(ClassListKeeping::isAdmin).isPresent() ? chain.filter(exchange)
					: keeping(exchange, chain, principal.isPresent(), revalidate));
	}

	private Mono<Void> keeping(ServerWebExchange exchange, GatewayFilterChain chain, boolean signedIn, boolean revalidate) {
		String query = Optional.ofNullable(exchange.getRequest().getURI().getRawQuery()).orElse("");
		ListRequest listRequest = new ListRequest(query, signedIn, this.list.generation(), revalidate);
		listRequest.attachTo(exchange);
		ServerHttpRequest anonymous = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.remove(HttpHeaders.AUTHORIZATION))
			.build();
		ServerHttpResponse response = new Keeping(exchange, listRequest);
		if (signedIn) {
			response.beforeCommit(() -> {
				String cacheControl = response.getHeaders().getCacheControl();
				if (cacheControl != null) {
					response.getHeaders().setCacheControl(cacheControl.replace("public", "private"));
				}
				return Mono.empty();
			});
		}
		return chain.filter(exchange.mutate().request(anonymous).response(response).build());
	}

	private static boolean isAdmin(Object principal) {
		return principal instanceof Authentication authentication && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch("ROLE_ADMIN"::equals);
	}

	/** A positive {@code max-age} of a {@code public} answer that nothing forbids keeping; else empty. */
	static Optional<Duration> keepableFor(String cacheControl) {
		if (cacheControl == null) {
			return Optional.empty();
		}
		boolean shared = false;
		long maxAge = 0;
		for (String directive : cacheControl.toLowerCase(Locale.ROOT).split(",")) {
			String name = directive.strip();
			if (name.equals("public")) {
				shared = true;
			}
			else if (name.equals("private") || name.equals("no-store") || name.equals("no-cache")) {
				return Optional.empty();
			}
			else if (name.startsWith("max-age=")) {
				try {
					maxAge = Long.parseLong(name.substring("max-age=".length()).strip());
				}
				catch (NumberFormatException ex) {
					return Optional.empty();
				}
			}
		}
		return (shared && maxAge > 0) ? Optional.of(Duration.ofSeconds(maxAge)) : Optional.empty();
	}

	/** Keeps the service's answer on its way to the client, if it may be kept. */
	private final class Keeping extends ServerHttpResponseDecorator {

		private final ServerWebExchange exchange;

		private final ListRequest listRequest;

		Keeping(ServerWebExchange exchange, ListRequest listRequest) {
			super(exchange.getResponse());
			this.exchange = exchange;
			this.listRequest = listRequest;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			HttpHeaders headers = getHeaders();
			Optional<Duration> maxAge = keepableFor(headers.getCacheControl());
			long length = headers.getContentLength();
			// Only what class-service answered (not the copy written back by ClassListServing), 200, of known length.
			boolean fromService = this.exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) != null;
			if (!fromService || !HttpStatus.OK.equals(getStatusCode()) || maxAge.isEmpty() || length < 0
					|| length > ClassListKeeping.this.properties.maxBodySize().toBytes()) {
				return super.writeWith(body);
			}
			MediaType contentType = headers.getContentType();
			String etag = headers.getETag();
			return DataBufferUtils.join(body).flatMap((joined) -> {
				byte[] bytes = new byte[joined.readableByteCount()];
				joined.read(bytes);
				DataBufferUtils.release(joined);
				ClassListKeeping.this.list.keep(this.listRequest.query(), bytes, contentType, etag, maxAge.get(),
						ClassListKeeping.this.clock.instant(), this.listRequest.generation());
				return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
			});
		}

	}

}
