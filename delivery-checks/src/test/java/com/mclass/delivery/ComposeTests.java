package com.mclass.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml: valid for Compose, the whole platform, only the intended ports on the host. */
@Timeout(180)
class ComposeTests {

	/** Host ports the local platform publishes: the gateway, the mail UI, Grafana, Prometheus, Alertmanager. */
	static final Map<String, Integer> PUBLISHED = Map.of("gateway", 8080, "mailpit", 8025, "grafana", 3000,
			"prometheus", 9090, "alertmanager", 9093);

	static final Set<String> INFRASTRUCTURE = Set.of("postgres", "postgres-init", "redis", "kafka", "kafka-init", "mailpit",
			"prometheus", "alertmanager", "alert-log", "redis-exporter", "grafana");

	@Test
	void composeValidatesTheFile() {
		var compose = Tools.require("docker-compose", "docker-compose");
		Tools.Result result = Tools.run(Repo.ROOT, Duration.ofSeconds(60),
				List.of(compose.toString(), "-f", Deployments.COMPOSE, "config", "-q"));
		assertThat(result.ok()).as("docker-compose -f docker-compose.yml config -q:%n%s", result.output()).isTrue();
	}

	@Test
	void thePlatformIsComplete() {
		Map<String, Object> services = Yamls.map(Deployments.composeFile().get("services"));
		assertThat(services.keySet()).containsAll(INFRASTRUCTURE).containsAll(Repo.deployables());
		Set<String> known = new TreeSet<>(INFRASTRUCTURE);
		known.addAll(Repo.deployables());
		known.add("jaeger");
		assertThat(known).as("every compose service is a deployable or known infrastructure").containsAll(services.keySet());
		assertThat(Deployments.composeFile()).as("no `version:` (Compose Specification)").doesNotContainKey("version");
	}

	@Test
	void onlyTheIntendedPortsArePublished() {
		Map<String, Object> services = Yamls.map(Deployments.composeFile().get("services"));
		List<String> problems = new ArrayList<>();
		services.forEach((name, definition) -> {
			List<Object> ports = Yamls.list(Yamls.map(definition).get("ports"));
			boolean optionalProfile = Yamls.map(definition).containsKey("profiles");
			for (Object port : ports) {
				String mapping = String.valueOf(port);
				Matcher published = Pattern.compile("(?:[\\d.]+:)?(\\d+):(\\d+)").matcher(mapping);
				// Loopback only: Prometheus has its lifecycle API on, Grafana lets anonymous viewers in, Mailpit shows
				// every mail; none of them belongs on the machine's other interfaces.
				if (!mapping.startsWith("127.0.0.1:")) {
					problems.add(name + " publishes " + mapping + " on every interface (bind it to 127.0.0.1)");
				}
				if (optionalProfile) {
					continue;
				}
				if (!published.matches() || !Integer.valueOf(published.group(1)).equals(PUBLISHED.get(name))) {
					problems.add(name + " publishes " + mapping);
				}
			}
			if (PUBLISHED.containsKey(name) && ports.isEmpty()) {
				problems.add(name + " publishes nothing, expected " + PUBLISHED.get(name));
			}
		});
		assertThat(problems).isEmpty();
	}

	@Test
	void servicesAreBuiltFromTheirDockerfilesAndStartInOrder() {
		Map<String, Object> services = Yamls.map(Deployments.composeFile().get("services"));
		for (String service : Repo.deployables()) {
			Map<String, Object> definition = Yamls.map(services.get(service));
			assertThat(Yamls.at(definition, "build", "context")).as("%s build context", service).isEqualTo(".");
			assertThat(Yamls.at(definition, "build", "dockerfile")).as("%s Dockerfile", service).isEqualTo("Dockerfile");
			assertThat(Yamls.at(definition, "build", "args", "MODULE")).as("%s module", service).isEqualTo(service);
			ServiceConfig serviceConfig = ServiceConfig.of(service);
			assertThat(String.valueOf(Yamls.at(definition, "build", "args", "PORT"))).isEqualTo(String.valueOf(serviceConfig.port()));
			assertThat(String.valueOf(Yamls.at(definition, "build", "args", "MANAGEMENT_PORT")))
				.isEqualTo(String.valueOf(serviceConfig.managementPort()));
			assertThat(Repo.exists("Dockerfile")).isTrue();
			assertThat(definition).as("%s is configured by environment variables only", service)
				.doesNotContainKeys("env_file", "volumes", "configs");
			assertThat(Yamls.at(definition, "healthcheck", "test")).as("%s healthcheck", service).isNotNull();
			Map<String, Object> dependsOn = Yamls.map(definition.get("depends_on"));
			assertThat(dependsOn).as("%s depends_on (long form with conditions)", service).isNotEmpty();
			dependsOn.forEach((dependency, condition) -> assertThat(Yamls.at(condition, "condition"))
				.as("%s depends on %s", service, dependency)
				.isIn("service_healthy", "service_completed_successfully"));
			ServiceConfig config = ServiceConfig.of(service);
			if (config.usesDatabase()) {
				assertThat(Yamls.at(dependsOn, "postgres-init", "condition")).as("%s waits for its database", service)
					.isEqualTo("service_completed_successfully");
			}
			if (config.usesKafka()) {
				assertThat(Yamls.at(dependsOn, "kafka-init", "condition")).as("%s waits for the topics", service)
					.isEqualTo("service_completed_successfully");
			}
			if (config.usesRedis()) {
				assertThat(Yamls.at(dependsOn, "redis", "condition")).isEqualTo("service_healthy");
			}
		}
		// The gateway, the only entry, comes up last: when it is healthy the platform is.
		Map<String, Object> gatewayDependsOn = Yamls.map(Yamls.at(services, "gateway", "depends_on"));
		for (String service : Repo.deployables()) {
			if (!service.equals("gateway")) {
				assertThat(Yamls.at(gatewayDependsOn, service, "condition")).as("gateway waits for %s", service)
					.isEqualTo("service_healthy");
			}
		}
	}

	@Test
	void everyContainerHasAMemoryLimit() {
		Map<String, Object> services = Yamls.map(Deployments.composeFile().get("services"));
		List<String> unlimited = services.entrySet()
			.stream()
			.filter((service) -> ContainerSizing.mebibytes(Yamls.map(service.getValue()).get("mem_limit")) <= 0)
			.map(Map.Entry::getKey)
			.toList();
		assertThat(unlimited).as("compose services without mem_limit").isEmpty();
	}

	@Test
	void alertsAreRoutedToAReceiver() {
		Map<String, Object> services = Yamls.map(Deployments.composeFile().get("services"));
		assertThat(String.valueOf(Yamls.list(Yamls.at(services, "alertmanager", "volumes"))))
			.contains("./observability/alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
		assertThat(String.valueOf(Yamls.list(Yamls.at(services, "alert-log", "volumes"))))
			.contains("./observability/alertmanager/webhook-log.py:");
		assertThat(Yamls.at(services, "prometheus", "depends_on", "alertmanager", "condition")).isEqualTo("service_healthy");
	}

	@Test
	void theInitJobsCreateWhatTheServicesNeed() {
		Map<String, Object> services = Yamls.map(Deployments.composeFile().get("services"));
		String postgresInit = String.valueOf(Yamls.at(services, "postgres-init", "command"));
		Set<String> databases = new TreeSet<>();
		for (String service : Repo.deployables()) {
			String database = ServiceConfig.of(service).databaseName();
			if (database != null) {
				databases.add(database);
			}
		}
		assertThat(databases).isNotEmpty().allSatisfy((database) -> assertThat(postgresInit).contains(database));
		String kafkaInit = String.valueOf(Yamls.at(services, "kafka-init", "command"));
		Topics.required().forEach((topic, partitions) -> {
			boolean dlt = topic.endsWith(".DLT");
			String event = dlt ? topic.substring(0, topic.length() - 4) : topic;
			assertThat(kafkaInit).as("kafka-init creates %s", topic).contains(event);
		});
		assertThat(kafkaInit).contains("--partitions " + Topics.EVENT_PARTITIONS).contains("$$topic.DLT");
		Set<String> named = new TreeSet<>();
		Matcher topic = Pattern.compile("mclass\\.[a-z]+\\.events").matcher(kafkaInit);
		while (topic.find()) {
			named.add(topic.group());
		}
		Set<String> events = new TreeSet<>(Topics.required().keySet());
		events.removeIf((name) -> name.endsWith(".DLT"));
		assertThat(named).as("event topics kafka-init creates").isEqualTo(events);
	}

	@Test
	void prometheusScrapesEveryService() {
		Map<String, Object> prometheus = Yamls.map(Repo.yaml("observability/prometheus/prometheus.yml"));
		Map<String, String> targets = new java.util.TreeMap<>();
		for (Object job : Yamls.list(prometheus.get("scrape_configs"))) {
			Map<String, Object> config = Yamls.map(job);
			for (Object staticConfig : Yamls.list(config.get("static_configs"))) {
				for (Object target : Yamls.list(Yamls.map(staticConfig).get("targets"))) {
					targets.put(String.valueOf(config.get("job_name")), target + String.valueOf(config.get("metrics_path")));
				}
			}
		}
		for (String service : Repo.deployables()) {
			assertThat(targets.get(service)).as("Prometheus job %s", service)
				.isEqualTo(service + ":" + ServiceConfig.of(service).managementPort() + "/actuator/prometheus");
		}
	}

}
