package com.mclass.platform.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Connects a test annotated with {@link RealInfrastructure} to the local or embedded servers by putting their
 * addresses ahead of every other property source. With Docker the containers' {@code @ServiceConnection}s do that
 * job for PostgreSQL and Redis instead (see {@link ContainerInfrastructureSelector}); Kafka is always embedded.
 */
class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
		RealInfrastructure settings = TestContextAnnotationUtils.findMergedAnnotation(testClass, RealInfrastructure.class);
		return (settings != null) ? new InfrastructureCustomizer(settings.database(), settings.redis(), settings.kafka(), settings.testTokens()) : null;
	}

	/** A record, so that tests asking for the same infrastructure share one cached application context. */
	record InfrastructureCustomizer(String database, boolean redis, boolean kafka, boolean testTokens) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			Map<String, Object> properties = new LinkedHashMap<>();
			boolean docker = Backing.useDocker();
			if (!this.database.isEmpty() && !docker) {
				PostgresServer postgres = PostgresServer.get();
				properties.put("spring.datasource.url", postgres.jdbcUrl(this.database));
				properties.put("spring.datasource.username", postgres.user());
				properties.put("spring.datasource.password", postgres.password());
			}
			if (this.redis && !docker) {
				RedisServerAddress redisServer = RedisServerAddress.get();
				properties.put("spring.data.redis.host", redisServer.host());
				properties.put("spring.data.redis.port", redisServer.port());
			}
			if (this.kafka) {
				properties.put("spring.kafka.bootstrap-servers", KafkaBroker.bootstrapServers());
			}
			if (this.testTokens) {
				properties.put("mclass.security.jwks-uri", TestTokens.jwksUri());
				properties.put("mclass.security.issuer", TestTokens.ISSUER);
				properties.put("mclass.security.audience", TestTokens.AUDIENCE);
			}
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mclassTestInfrastructure", properties));
		}

	}

}
