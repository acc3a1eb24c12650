package com.mclass.gateway.error;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives the envelope to error answers that framework code completes without a body instead of raising an exception:
 * the gateway's {@code RequestRateLimiter} (429, and 403 for an empty key) and the CORS check (403 for a foreign
 * origin). Whatever answers with an error status and writes nothing gets the envelope of that status; answers with a
 * body, notably every answer relayed from a service, are left alone.
 */
@Component
class EmptyErrorBodies implements WebFilter, Ordered {

	private final ErrorEnvelopes envelopes;

	EmptyErrorBodies(ErrorEnvelopes envelopes) {
		this.envelopes = envelopes;
	}

	@Override
	public int getOrder() {
		// Outside Spring Security's chain (-100), so that its CORS refusals pass through here too.
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		EnvelopingResponse response = new EnvelopingResponse(exchange.getRequest(), exchange.getResponse());
		// Completing explicitly (setComplete) and simply returning with a status set are both covered.
		return chain.filter(exchange.mutate().response(response).build())
			.then(Mono.defer(response::envelopeIfEmptyError));
	}

	private final class EnvelopingResponse extends ServerHttpResponseDecorator {

		private final ServerHttpRequest request;

		private volatile boolean written;

		EnvelopingResponse(ServerHttpRequest request, ServerHttpResponse delegate) {
			super(delegate);
			this.request = request;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			this.written = true;
			return super.writeWith(body);
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			this.written = true;
			return super.writeAndFlushWith(body);
		}

		@Override
		public Mono<Void> setComplete() {
			return envelopeIfEmptyError().then(Mono.defer(super::setComplete));
		}

		Mono<Void> envelopeIfEmptyError() {
			HttpStatusCode status = getStatusCode();
			if (this.written || isCommitted() || status == null || !status.isError()) {
				return Mono.empty();
			}
			return EmptyErrorBodies.this.envelopes.write(this.request, this, GatewayFailure.forStatus(status.value()));
		}

	}

}
