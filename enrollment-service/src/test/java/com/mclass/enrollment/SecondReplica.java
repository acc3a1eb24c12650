package com.mclass.enrollment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second replica of the service beside the test context, on the same database, Redis and Kafka. It neither consumes
 * class events nor relays the outbox (it would only compete for the same work with the first).
 */
public final class SecondReplica {

	private SecondReplica() {
	}

	/** Started with the test context's infrastructure settings, on random ports; the caller closes it. */
	public static ConfigurableApplicationContext start(Environment environment) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String name : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
				"spring.data.redis.host", "spring.data.redis.port", "spring.kafka.bootstrap-servers", "mclass.security.jwks-uri",
				"mclass.security.issuer", "mclass.security.audience", "mclass.class-service.url", "mclass.auth-service.url",
				"mclass.notification-service.url")) {
			String value = environment.getProperty(name);
			if (value != null) {
				properties.put(name, value);
			}
		}
		properties.put("server.port", 0);
		// Not application.yml's 9083: a service running on the same machine (a local platform) may hold it.
		properties.put("management.server.port", 0);
		properties.put("spring.datasource.hikari.maximum-pool-size", 5);
		properties.put("spring.kafka.listener.auto-startup", false);
		properties.put("mclass.outbox.relay-enabled", false);
		// As in the first instance: a rush of this test must reach the ledger, not the waiting room.
		properties.put("mclass.queue.auto-hold", "0");
		properties.put("spring.application.name", "enrollment-service");
		// As command-line arguments: they outrank application.yml, as the environment of a real replica would.
		String[] arguments = properties.entrySet().stream().map((entry) -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(EnrollmentServiceApplication.class).run(arguments);
	}

	public static int port(ConfigurableApplicationContext replica) {
		return replica.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
