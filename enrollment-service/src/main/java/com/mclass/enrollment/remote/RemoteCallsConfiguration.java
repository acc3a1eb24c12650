package com.mclass.enrollment.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Resilience4j settings behind every Feign client of this service
 * ({@code spring.cloud.openfeign.circuitbreaker.enabled}): a time limit on the whole call, a circuit breaker per
 * client method, and Spring Cloud's default thread-pool bulkhead. Calls are retried only where the client says so
 * (idempotent GETs, once).
 */
@Configuration(proxyBeanMethods = false)
class RemoteCallsConfiguration {

	@Bean
	Customizer<Resilience4JCircuitBreakerFactory> remoteCallDefaults(RemoteCallsProperties properties) {
		TimeLimiterConfig timeLimit = TimeLimiterConfig.custom()
			.timeoutDuration(properties.timeout())
			.cancelRunningFuture(true)
			.build();
		CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.custom()
			.failureRateThreshold(properties.failureRateThreshold())
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumNumberOfCalls())
			.waitDurationInOpenState(properties.waitInOpenState())
			.build();
		return (factory) -> factory.configureDefault((id) -> new Resilience4JConfigBuilder(id).timeLimiterConfig(timeLimit)
			.circuitBreakerConfig(circuitBreaker)
			.build());
	}

}
