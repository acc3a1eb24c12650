package com.mclass.delivery;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The machinery of ServiceEnvironmentTests tells known from unknown variables (so that it cannot pass vacuously). */
class ServiceConfigSelfTests {

	@Test
	void variablesAreMatchedTheWaySpringBootBindsThem() {
		ServiceConfig classes = ServiceConfig.of("class-service");
		// A key of its application.yml, in both the canonical and the legacy (dashes as underscores) form.
		assertThat(classes.reads("MCLASS_GATEWAYURL")).isTrue();
		assertThat(classes.reads("MCLASS_GATEWAY_URL")).isTrue();
		// Spring Boot properties that its application.yml does not mention.
		assertThat(classes.reads("SPRING_DATA_REDIS_SSL_ENABLED")).isTrue();
		assertThat(classes.reads("MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_HTTP_SERVER_REQUESTS")).isTrue();
		// A placeholder of platform-web's code.
		assertThat(classes.reads("MCLASS_AUTH_URL")).isTrue();
		assertThat(classes.reads("SPRING_DATASOURCE_PASWORD")).as("a typo").isFalse();
		assertThat(classes.reads("MCLASS_NOT_A_SETTING")).isFalse();
		assertThat(classes.reads("MCLASS_AUTH_SIGNINGKEYS_0_PRIVATEKEYPEM")).as("auth-service's, not class-service's")
			.isFalse();
		assertThat(ServiceConfig.of("auth-service").reads("MCLASS_AUTH_SIGNINGKEYS_0_PRIVATEKEYPEM")).isTrue();
	}

	@Test
	void requirementsNameWhatADeploymentMustSet() {
		ServiceConfig notifications = ServiceConfig.of("notification-service");
		var requirements = notifications.requirements(Set.of());
		assertThat(requirements).extracting(ServiceConfig.Requirement::description)
			.anyMatch((description) -> description.startsWith("spring.datasource.url"))
			.anyMatch((description) -> description.startsWith("spring.data.redis.host"))
			.anyMatch((description) -> description.startsWith("spring.kafka.bootstrap-servers"))
			.anyMatch((description) -> description.startsWith("spring.mail.host"))
			.anyMatch((description) -> description.startsWith("MCLASS_AUTH_URL"));
		assertThat(requirements).noneMatch((requirement) -> requirement.satisfiedBy().test(Set.of()));
		assertThat(ServiceConfig.of("gateway").usesDatabase()).isFalse();
		assertThat(notifications.port()).isEqualTo(8084);
		assertThat(notifications.databaseName()).isEqualTo("mclass_notification");
	}

}
