package com.mclass.platform.web.redis;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real Redis of the machine (127.0.0.1:6379), with Boot's Lettuce observation in the context as in every
 * service: a command is timed, and the application's observation registry (where the tracing handler lives) never
 * sees it.
 */
class RedisCommandMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				LettuceObservationAutoConfiguration.class, RedisCommandMetricsAutoConfiguration.class))
		.withUserConfiguration(Observed.class)
		.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379");

	@Test
	void timesRedisCommandsWithoutAnObservationInTheApplicationsRegistry() {
		this.contexts.run((context) -> {
			context.getBean(StringRedisTemplate.class).hasKey("mclass:test:redis-command-metrics");

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.find("lettuce").tag("db.operation", "EXISTS").timer()).isNotNull()
				.satisfies((timer) -> assertThat(timer.count()).isPositive());
			assertThat(context.getBean(Observed.class).names).doesNotContain("lettuce");
		});
	}

	@Test
	void keepsASpanPerCommandWhenAskedTo() {
		this.contexts.withPropertyValues("mclass.redis.command-spans=true").run((context) -> {
			context.getBean(StringRedisTemplate.class).hasKey("mclass:test:redis-command-metrics");

			assertThat(context.getBean(Observed.class).names).contains("lettuce");
		});
	}

	/** The application's registry, with a handler that notes every observation it is handed, and the meters. */
	@Configuration(proxyBeanMethods = false)
	static class Observed {

		final List<String> names = new CopyOnWriteArrayList<>();

		@Bean
		ObservationRegistry observationRegistry() {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new ObservationHandler<>() {
				@Override
				public void onStart(Observation.Context context) {
					Observed.this.names.add(context.getName());
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}
			});
			return registry;
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
