package com.mclass.delivery;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * How each deployment target runs each service: docker-compose.yml, the Helm chart (helm/mclass) and the Terraform
 * task definitions (terraform/platform.json), reduced to what can be compared with the services' configuration.
 */
final class Deployments {

	static final String COMPOSE = "docker-compose.yml";

	static final String HELM = "helm/mclass";

	static final String TERRAFORM = "terraform/platform.json";

	/** Terraform template variables that may render empty (the variable is then left out of the task definition). */
	static final Set<String> OPTIONAL_TERRAFORM_VALUES = Set.of("${otlp_traces_endpoint}", "${cors_allowed_origins}");

	private Deployments() {
	}

	/**
	 * @param environment plain variables that are certainly set (name to value as written: literal or template)
	 * @param secrets variables set from a secret store (names only)
	 * @param optional variables that may or may not be set (unset by default)
	 * @param port the port the target expects the service on
	 * @param managementPort the port the target probes and scrapes actuator on
	 * @param healthPaths the health endpoints the target probes
	 */
	record Deployed(String target, String service, Map<String, String> environment, Set<String> secrets,
			Set<String> optional, Integer port, Integer managementPort, List<String> healthPaths) {

		/** Every variable name the target mentions for the service. */
		Set<String> names() {
			Set<String> names = new TreeSet<>(this.environment.keySet());
			names.addAll(this.secrets);
			names.addAll(this.optional);
			return names;
		}

		/** The variables that are set in any case. */
		Set<String> setNames() {
			Set<String> names = new TreeSet<>(this.environment.keySet());
			names.addAll(this.secrets);
			return names;
		}

		@Override
		public String toString() {
			return this.target + " / " + this.service;
		}

	}

	static List<String> targets() {
		return List.of(COMPOSE, HELM, TERRAFORM);
	}

	static Map<String, Deployed> of(String target) {
		return switch (target) {
			case COMPOSE -> compose();
			case HELM -> helm();
			case TERRAFORM -> terraform();
			default -> throw new IllegalArgumentException(target);
		};
	}

	// --- docker-compose.yml ------------------------------------------------------------------------------------------

	static Map<String, Object> composeFile() {
		return Yamls.map(Repo.yaml(COMPOSE));
	}

	static Map<String, Deployed> compose() {
		Map<String, Object> services = Yamls.map(composeFile().get("services"));
		Map<String, Deployed> deployed = new LinkedHashMap<>();
		for (String service : Repo.deployables()) {
			Map<String, Object> definition = Yamls.map(services.get(service));
			if (definition.isEmpty()) {
				continue;
			}
			Map<String, String> environment = new LinkedHashMap<>();
			Set<String> optional = new TreeSet<>();
			environmentOf(definition.get("environment")).forEach((name, value) -> {
				if (value == null) {
					optional.add(name);
				}
				else {
					environment.put(name, value);
				}
			});
			List<String> healthPaths = new ArrayList<>();
			Integer managementPort = null;
			String test = String.join(" ", Yamls.list(Yamls.at(definition, "healthcheck", "test")).stream().map(String::valueOf).toList());
			Matcher url = Pattern.compile("https?://[^/:\\s]+:(\\d+)(/\\S*)").matcher(test);
			if (url.find()) {
				managementPort = Integer.valueOf(url.group(1));
				healthPaths.add(url.group(2));
			}
			Object port = Yamls.at(definition, "build", "args", "PORT");
			deployed.put(service, new Deployed(COMPOSE, service, environment, Set.of(), optional,
					(port != null) ? Integer.valueOf(String.valueOf(port)) : null, managementPort, healthPaths));
		}
		return deployed;
	}

	/** Compose's environment: a map, or a list of NAME=value / NAME (from the shell). */
	static Map<String, String> environmentOf(Object environment) {
		Map<String, String> variables = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> map) {
			map.forEach((name, value) -> variables.put(String.valueOf(name), (value != null) ? String.valueOf(value) : null));
		}
		else if (environment instanceof List<?> list) {
			for (Object entry : list) {
				String text = String.valueOf(entry);
				int equals = text.indexOf('=');
				variables.put((equals < 0) ? text : text.substring(0, equals), (equals < 0) ? null : text.substring(equals + 1));
			}
		}
		return variables;
	}

	// --- Helm ----------------------------------------------------------------------------------------------------

	static Map<String, Object> umbrellaValues() {
		return Yamls.map(Repo.yaml(HELM + "/values.yaml"));
	}

	static Map<String, Object> chartValues(String service) {
		return Yamls.map(Repo.yaml(HELM + "/charts/" + service + "/values.yaml"));
	}

	/** A service chart's values as Helm computes them: its defaults, the umbrella's section for it, the globals. */
	static Map<String, Object> effectiveValues(String service) {
		Map<String, Object> umbrella = umbrellaValues();
		Map<String, Object> values = Yamls.merge(chartValues(service), Yamls.map(umbrella.get(service)));
		Map<String, Object> global = Yamls.merge(Yamls.map(values.get("global")), Yamls.map(umbrella.get("global")));
		values.put("global", global);
		return values;
	}

	static Map<String, Deployed> helm() {
		Map<String, Deployed> deployed = new LinkedHashMap<>();
		for (String service : Repo.deployables()) {
			if (!Repo.exists(HELM + "/charts/" + service + "/values.yaml")) {
				continue;
			}
			Map<String, Object> values = effectiveValues(service);
			Map<String, String> environment = new LinkedHashMap<>();
			Set<String> optional = new TreeSet<>();
			Map<String, Object> merged = new LinkedHashMap<>(Yamls.map(Yamls.at(values, "global", "env")));
			merged.putAll(Yamls.map(values.get("env")));
			merged.forEach((name, value) -> {
				// The chart leaves out what renders empty.
				if (value == null || String.valueOf(value).isEmpty()) {
					optional.add(name);
				}
				else {
					environment.put(name, String.valueOf(value));
				}
			});
			Set<String> secrets = new TreeSet<>(Yamls.map(values.get("secretEnv")).keySet());
			List<String> healthPaths = new ArrayList<>();
			for (String probe : List.of("startup", "liveness", "readiness")) {
				Object path = Yamls.at(values, "probes", probe, "path");
				if (path != null) {
					healthPaths.add(String.valueOf(path));
				}
			}
			Object port = values.get("port");
			Object managementPort = values.get("managementPort");
			deployed.put(service, new Deployed(HELM, service, environment, secrets, optional,
					(port != null) ? Integer.valueOf(String.valueOf(port)) : null,
					(managementPort != null) ? Integer.valueOf(String.valueOf(managementPort)) : null, healthPaths));
		}
		return deployed;
	}

	// --- Terraform ------------------------------------------------------------------------------------------------

	static JsonNode platform() {
		return Repo.json(TERRAFORM);
	}

	static Map<String, Deployed> terraform() {
		JsonNode platform = platform();
		Map<String, Deployed> deployed = new LinkedHashMap<>();
		for (String service : Repo.deployables()) {
			JsonNode definition = platform.path("services").path(service);
			if (definition.isMissingNode()) {
				continue;
			}
			Map<String, String> environment = new LinkedHashMap<>();
			Set<String> optional = new TreeSet<>();
			for (JsonNode source : List.of(platform.path("common_environment"), definition.path("environment"))) {
				for (Map.Entry<String, JsonNode> entry : fields(source)) {
					String value = entry.getValue().asString();
					if (OPTIONAL_TERRAFORM_VALUES.contains(value) || value.isEmpty()) {
						environment.remove(entry.getKey());
						optional.add(entry.getKey());
					}
					else {
						optional.remove(entry.getKey());
						environment.put(entry.getKey(), value);
					}
				}
			}
			Set<String> secrets = new TreeSet<>();
			fields(definition.path("secrets")).forEach((entry) -> secrets.add(entry.getKey()));
			deployed.put(service, new Deployed(TERRAFORM, service, environment, secrets, optional,
					definition.path("port").isMissingNode() ? null : definition.path("port").asInt(),
					definition.path("management_port").isMissingNode() ? null : definition.path("management_port").asInt(),
					List.of(definition.path("health_check_path").asString())));
		}
		return deployed;
	}

	static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
		List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
		Iterator<Map.Entry<String, JsonNode>> iterator = node.properties().iterator();
		iterator.forEachRemaining(entries::add);
		return entries;
	}

	static Set<String> names(JsonNode node) {
		Set<String> names = new LinkedHashSet<>();
		fields(node).forEach((entry) -> names.add(entry.getKey()));
		return names;
	}

}
