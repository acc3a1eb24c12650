package com.mclass.gateway.admission;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * Refuses request bodies above {@code mclass.gateway.request-body.max-size} (on the upload paths: {@code upload-max-size})
 * with 413 {@code PAYLOAD_TOO_LARGE}. Unlike
 * the gateway's {@code RequestSize} filter it also answers in the envelope and it counts bodies sent without a
 * {@code Content-Length} (chunked), which that filter lets through whatever their size.
 */
@Component
class RequestBodyLimit implements GlobalFilter, Ordered {

	private final long maxBytes;

	private final long uploadMaxBytes;

	private final List<PathPattern> uploadPaths;

	RequestBodyLimit(RequestBodyProperties properties) {
		this.maxBytes = properties.maxSize().toBytes();
		this.uploadMaxBytes = properties.uploadMaxSize().toBytes();
		this.uploadPaths = properties.uploadPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long limit = this.uploadPaths.stream().anyMatch((pattern) -> pattern.matches(request.getPath().pathWithinApplication()))
				? this.uploadMaxBytes : this.maxBytes;
		long declaredLength = request.getHeaders().getContentLength();
		if (declaredLength > limit) {
			// Refused before a single byte is read or a service is bothered.
			return Mono.error(tooLarge());
		}
		if (declaredLength >= 0) {
			// HTTP framing stops the body at the declared length.
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new CountedBody(request, limit)).build());
	}

	private static ApiException tooLarge() {
		return new BodyTooLarge();
	}

	/**
	 * A client's mistake, not a bug: a stack trace would only bloat the warning Reactor Netty logs for the aborted
	 * upload.
	 */
	private static final class BodyTooLarge extends ApiException {

		BodyTooLarge() {
			super(CommonErrorCode.PAYLOAD_TOO_LARGE);
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

	/**
	 * A body of unknown length fails as soon as it passes the limit. The service then sees an aborted upload, and the
	 * client the 413 envelope, unless the service had already started answering.
	 */
	private final class CountedBody extends ServerHttpRequestDecorator {

		private final long limit;

		CountedBody(ServerHttpRequest delegate, long limit) {
			super(delegate);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong bytesSeen = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (bytesSeen.addAndGet(buffer.readableByteCount()) > this.limit) {
					DataBufferUtils.release(buffer);
					sink.error(tooLarge());
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
