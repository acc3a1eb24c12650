package com.mclass.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.mclass.delivery.Deployments.Deployed;
import com.mclass.delivery.ServiceConfig.Requirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment every deployment target gives every service, against what the service reads: nothing it does not
 * read (a typo, a renamed key, a variable of another service), nothing missing that it needs outside a developer
 * machine, the port it listens on and the health endpoints it has.
 */
@Timeout(120)
class ServiceEnvironmentTests {

	static Stream<Arguments> deployments() {
		List<Arguments> arguments = new ArrayList<>();
		for (String target : Deployments.targets()) {
			for (String service : Repo.deployables()) {
				arguments.add(Arguments.of(target, service));
			}
		}
		return arguments.stream();
	}

	@Test
	void everyTargetDeploysEveryServiceAndNothingElse() {
		List<String> deployables = Repo.deployables();
		assertThat(deployables).as("deployables (root pom modules with an application.yml)").isNotEmpty();
		for (String target : Deployments.targets()) {
			assertThat(Deployments.of(target).keySet()).as("services deployed by %s", target)
				.containsExactlyInAnyOrderElementsOf(deployables);
		}
		assertThat(Deployments.names(Deployments.platform().path("services"))).as("services in %s", Deployments.TERRAFORM)
			.containsExactlyInAnyOrderElementsOf(deployables);
	}

	@ParameterizedTest(name = "{0} / {1}")
	@MethodSource("deployments")
	void everyVariableIsReadByTheService(String target, String service) {
		Deployed deployed = Deployments.of(target).get(service);
		ServiceConfig config = ServiceConfig.of(service);
		List<String> unknown = deployed.names().stream().filter((name) -> !config.reads(name)).toList();
		assertThat(unknown).as("""
				variables %s gives %s that the service does not read (no ${...} placeholder in its application*.yml or \
				code, no property of its own or of Spring Boot that they bind to)""", target, service).isEmpty();
	}

	@ParameterizedTest(name = "{0} / {1}")
	@MethodSource("deployments")
	void everythingTheServiceNeedsIsSet(String target, String service) {
		Deployed deployed = Deployments.of(target).get(service);
		ServiceConfig config = ServiceConfig.of(service);
		Set<String> set = deployed.setNames();
		List<String> missing = config.requirements(exemptions(service))
			.stream()
			.filter((requirement) -> !requirement.satisfiedBy().test(set))
			.map(Requirement::description)
			.toList();
		assertThat(missing).as("what %s must set for %s (it sets %s)", target, service, set).isEmpty();
	}

	@ParameterizedTest(name = "{0} / {1}")
	@MethodSource("deployments")
	void portAndHealthEndpointsMatchTheService(String target, String service) {
		Deployed deployed = Deployments.of(target).get(service);
		ServiceConfig config = ServiceConfig.of(service);
		assertThat(deployed.port()).as("port of %s in %s", service, target).isEqualTo(config.port());
		String serverPort = deployed.environment().get("SERVER_PORT");
		assertThat(serverPort).as("SERVER_PORT of %s in %s", service, target).isEqualTo(String.valueOf(config.port()));
		assertThat(deployed.managementPort()).as("management port of %s in %s (probes and metrics)", service, target)
			.isEqualTo(config.managementPort())
			.isNotEqualTo(config.port());
		assertThat(deployed.environment().get("MANAGEMENT_SERVER_PORT")).as("MANAGEMENT_SERVER_PORT of %s in %s", service, target)
			.isEqualTo(String.valueOf(config.managementPort()));
		assertThat(deployed.healthPaths()).as("health endpoints %s probes for %s", target, service)
			.isNotEmpty()
			.allMatch((path) -> path.equals("/actuator/health/readiness") || path.equals("/actuator/health/liveness"))
			.contains("/actuator/health/readiness");
		boolean probes = config.probesEnabled()
				|| "true".equals(deployed.environment().get("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED"));
		assertThat(probes).as("%s has /actuator/health/{liveness,readiness} (management.endpoint.health.probes.enabled)",
				service).isTrue();
	}

	@ParameterizedTest(name = "{0} / {1}")
	@MethodSource("deployments")
	void secretsAreNeverPlainValues(String target, String service) {
		Deployed deployed = Deployments.of(target).get(service);
		List<String> plain = deployed.environment()
			.keySet()
			.stream()
			.filter((name) -> name.matches(".*(PASSWORD|SECRET|PRIVATEKEY|PRIVATE_KEY|TOKEN|CREDENTIAL).*"))
			.filter((name) -> !target.equals(Deployments.COMPOSE))
			.toList();
		assertThat(plain).as("secret-looking variables %s sets for %s as plain values (use a secret reference)", target,
				service).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("com.mclass.delivery.Repo#deployables")
	void actuatorHasItsOwnPortAndReadinessIncludesTheDatabase(String service) {
		ServiceConfig config = ServiceConfig.of(service);
		// Issue 13 #8: /actuator/prometheus on a public port. The management port is the service port + 1000, movable.
		assertThat(config.managementPort()).as("%s management.server.port", service).isEqualTo(config.port() + 1000);
		assertThat(config.managementPortVariable()).as("%s management port variable", service)
			.isEqualTo("MCLASS_" + (service.equals("gateway") ? "GATEWAY" : service.replace("-service", "").toUpperCase())
					+ "_MANAGEMENT_PORT");
		if (config.databaseName() != null) {
			assertThat(config.readinessGroup()).as("%s readiness group", service).contains("readinessState", "db");
		}
	}

	@Test
	void databasesAreTheServicesOwn() {
		for (String target : Deployments.targets()) {
			Map<String, Deployed> deployed = Deployments.of(target);
			Set<String> databases = new TreeSet<>();
			for (String service : Repo.deployables()) {
				ServiceConfig config = ServiceConfig.of(service);
				String url = deployed.get(service).environment().get("SPRING_DATASOURCE_URL");
				if (config.databaseName() == null) {
					assertThat(url).as("%s has no database but %s gives it one", service, target).isNull();
					continue;
				}
				assertThat(url).as("SPRING_DATASOURCE_URL of %s in %s", service, target)
					.isNotNull()
					.matches("jdbc:postgresql://.+/" + config.databaseName() + "([?].*|\\{\\{.*}})?");
				assertThat(databases.add(config.databaseName())).as("database %s shared", config.databaseName()).isTrue();
				String user = deployed.get(service).environment().get("SPRING_DATASOURCE_USERNAME");
				assertThat(user).as("%s connects with its own login in %s, never the superuser or master user", service, target)
					.isNotNull()
					.isNotIn("postgres", "${db_master_username}")
					.satisfiesAnyOf((login) -> assertThat(login).startsWith(config.databaseName()),
							(login) -> assertThat(login).isEqualTo("${db_username}"));
			}
		}
	}

	static Set<String> exemptions(String service) {
		Set<String> exempt = new TreeSet<>();
		for (String line : Repo.read("delivery-checks/src/test/resources/developer-defaults-allowed.txt").split("\n")) {
			String entry = line.replaceAll("#.*", "").strip();
			if (entry.isEmpty()) {
				continue;
			}
			String[] columns = entry.split("\\s+");
			if (columns[0].equals(service)) {
				exempt.add(columns[1]);
			}
		}
		return exempt;
	}

}
