package com.mclass.platform.web.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.tracing.MicrometerTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Redis commands timed without a span each. Boot's {@link LettuceObservationAutoConfiguration} hands Lettuce the
 * application's observation registry, so every command also went through the tracing handler (a span, baggage,
 * propagation), sampled request or not: over half of enrollment-service's Lettuce event-loop CPU in the seats
 * benchmark, about a sixteenth of the whole service. This customizer, registered after Boot's (neither is ordered, so
 * they run in registration order), replaces Lettuce's tracing with one on a registry with the metrics handler only:
 * {@code lettuce_seconds} and {@code lettuce_active_seconds} stay as they were (the
 * {@code MclassRedisSlow} alert and the JVM dashboard read them), traces lose their Redis command spans. Lettuce's
 * own latency collector, which publishes to no one here, is switched off as well.
 * <p>
 * {@code mclass.redis.command-spans=true} keeps Boot's behaviour (a span per command) for an investigation.
 */
@AutoConfiguration(after = LettuceObservationAutoConfiguration.class)
@ConditionalOnClass({ RedisClient.class, MicrometerTracing.class, MeterRegistry.class, ObservationRegistry.class,
		ClientResourcesBuilderCustomizer.class })
@ConditionalOnProperty(name = "mclass.redis.command-spans", havingValue = "false", matchIfMissing = true)
public final class RedisCommandMetricsAutoConfiguration {

	/** The service name Boot gives Lettuce's tracing, kept so that the timers' tags do not change. */
	static final String SERVICE_NAME = "Redis";

	@Bean
	ClientResourcesBuilderCustomizer redisCommandMetricsWithoutSpans(ObjectProvider<MeterRegistry> meters) {
		return (builder) -> {
			builder.commandLatencyRecorder(CommandLatencyRecorder.disabled());
			MeterRegistry registry = meters.getIfAvailable();
			if (registry == null) {
				return;
			}
			ObservationRegistry metricsOnly = ObservationRegistry.create();
			metricsOnly.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry));
			builder.tracing(new MicrometerTracing(metricsOnly, SERVICE_NAME));
		};
	}

}
