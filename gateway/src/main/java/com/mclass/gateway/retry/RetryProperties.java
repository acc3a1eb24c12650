package com.mclass.gateway.retry;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;

/**
 * When the gateway sends a request to a service once more after the connection to it was lost before any answer.
 * Defaults live in {@code application.yml} with their environment variables.
 *
 * @param maxRetries how many times a request is sent again ({@code MCLASS_GATEWAY_RETRY_MAX_RETRIES}); 0 turns the
 * retry off
 * @param backoff how long to wait before sending it again ({@code MCLASS_GATEWAY_RETRY_BACKOFF}); the lost connection
 * is a stale pooled one, not an overloaded service, so the default is not to wait
 * @param methods the methods retried without an {@code Idempotency-Key}: only those whose repetition changes neither
 * the service's state nor the answer the client gets
 */
@ConfigurationProperties("mclass.gateway.retry")
record RetryProperties(@DefaultValue("1") int maxRetries, @DefaultValue("0ms") Duration backoff,
		@DefaultValue({ "GET", "HEAD", "OPTIONS" }) Set<HttpMethod> methods) {

	RetryProperties {
		if (maxRetries < 0 || backoff.isNegative()) {
			throw new IllegalArgumentException(
					"mclass.gateway.retry needs max-retries >= 0 and a backoff >= 0, not " + maxRetries + " and "
							+ backoff);
		}
		methods = Set.copyOf(methods);
	}

}
