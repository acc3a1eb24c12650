package com.mclass.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * When a Docker engine is reachable, imports Testcontainers containers as {@code @ServiceConnection} beans for what
 * the test's {@link RealInfrastructure} asks for. Containers are started once per JVM and shared.
 */
class ContainerInfrastructureSelector implements ImportSelector {

	@Override
	public String[] selectImports(AnnotationMetadata metadata) {
		if (!Backing.useDocker()) {
			return new String[0];
		}
		Map<String, Object> settings = metadata.getAnnotationAttributes(RealInfrastructure.class.getName());
		List<String> imports = new ArrayList<>();
		if (settings != null && !((String) settings.get("database")).isEmpty()) {
			imports.add(PostgresContainer.class.getName());
		}
		if (settings != null && Boolean.TRUE.equals(settings.get("redis"))) {
			imports.add(RedisContainer.class.getName());
		}
		return imports.toArray(String[]::new);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class PostgresContainer {

		private static final PostgreSQLContainer CONTAINER = new PostgreSQLContainer("postgres:15-alpine");

		@Bean
		@ServiceConnection
		PostgreSQLContainer postgresContainer() {
			return CONTAINER;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RedisContainer {

		private static final GenericContainer<?> CONTAINER = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);

		@Bean
		@ServiceConnection(name = "redis")
		GenericContainer<?> redisContainer() {
			return CONTAINER;
		}

	}

}
