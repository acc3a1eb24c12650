package com.mclass.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.mclass.delivery.JavaSources.BoundProperty;
import com.mclass.delivery.JavaSources.Placeholder;

/**
 * What a deployable reads from its environment, from its own files: application*.yml (keys and {@code ${...}}
 * placeholders), its Java sources and those of the in-house libraries it depends on (placeholders,
 * {@code @ConfigurationProperties} records), and its pom (which infrastructure it talks to).
 */
final class ServiceConfig {

	/** Variables for the JVM itself, not for Spring (the images' entry point reads JAVA_OPTS). */
	static final Set<String> JVM_VARIABLES = Set.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

	/** Where a value still points at the developer machine. */
	static final Pattern LOCAL_ADDRESS = Pattern.compile("localhost|127\\.0\\.0\\.\\d|\\[?::1\\]?(?![0-9a-f:])");

	private static final Map<String, ServiceConfig> CACHE = new ConcurrentHashMap<>();

	final String name;

	/** application.yml, flattened. */
	final Map<String, Object> properties;

	/** Every key of every application*.yml (profiles included). */
	final Set<String> allKeys;

	/** Placeholders in the values of every application*.yml. */
	final List<Placeholder> yamlPlaceholders;

	/** Placeholders in string literals of the service's and its libraries' Java sources. */
	final List<Placeholder> javaPlaceholders;

	/** Properties bound by @ConfigurationProperties in the service and its libraries. */
	final List<BoundProperty> boundProperties;

	/** artifactIds of the service's direct dependencies. */
	final Set<String> dependencies;

	/** The in-house library modules it depends on. */
	final List<String> libraries;

	private ServiceConfig(String name) {
		this.name = name;
		Path resources = Repo.path(name + "/src/main/resources");
		this.properties = Yamls.flatten(Repo.yaml(resources.resolve("application.yml")));
		this.allKeys = new LinkedHashSet<>();
		this.yamlPlaceholders = new ArrayList<>();
		for (Path yaml : Repo.files(name + "/src/main/resources", ".yml")) {
			String file = yaml.getFileName().toString();
			if (!file.startsWith("application")) {
				continue;
			}
			Map<String, Object> flat = Yamls.flatten(Repo.yaml(yaml));
			this.allKeys.addAll(flat.keySet());
			flat.values().forEach((value) -> {
				if (value instanceof String text) {
					this.yamlPlaceholders.addAll(JavaSources.placeholders(text));
				}
			});
		}
		String pom = Repo.read(name + "/pom.xml");
		this.dependencies = artifactIds(pom);
		Set<String> modules = Set.copyOf(Repo.modules());
		this.libraries = this.dependencies.stream().filter(modules::contains).toList();
		this.javaPlaceholders = new ArrayList<>();
		this.boundProperties = new ArrayList<>();
		List<String> codeModules = new ArrayList<>(this.libraries);
		codeModules.add(0, name);
		for (String module : codeModules) {
			for (Path source : Repo.files(module + "/src/main/java", ".java")) {
				String code = JavaSources.withoutComments(Repo.read(source));
				this.javaPlaceholders.addAll(JavaSources.placeholders(code));
				this.boundProperties.addAll(JavaSources.boundProperties(code));
			}
		}
	}

	static ServiceConfig of(String service) {
		return CACHE.computeIfAbsent(service, ServiceConfig::new);
	}

	private static Set<String> artifactIds(String pom) {
		Set<String> ids = new LinkedHashSet<>();
		Matcher dependencies = Pattern.compile("<dependencies>(.*?)</dependencies>", Pattern.DOTALL).matcher(pom);
		while (dependencies.find()) {
			Matcher dependency = Pattern.compile("<dependency>.*?<artifactId>\\s*([^<\\s]+)\\s*</artifactId>.*?</dependency>",
					Pattern.DOTALL)
				.matcher(dependencies.group(1));
			while (dependency.find()) {
				if (!dependency.group(0).contains("<scope>test</scope>")) {
					ids.add(dependency.group(1));
				}
			}
		}
		return ids;
	}

	/** The port: server.port, or the default of its ${SERVER_PORT:...} placeholder, or Boot's 8080. */
	int port() {
		Object port = this.properties.get("server.port");
		if (port == null) {
			return 8080;
		}
		String text = String.valueOf(port);
		Matcher placeholder = JavaSources.PLACEHOLDER.matcher(text);
		if (placeholder.matches()) {
			return Integer.parseInt(placeholder.group(2));
		}
		return Integer.parseInt(text.strip());
	}

	/** Actuator's port: management.server.port (the default of its placeholder), or the HTTP port when unset. */
	int managementPort() {
		Object port = this.properties.get("management.server.port");
		if (port == null) {
			return port();
		}
		String text = String.valueOf(port);
		Matcher placeholder = JavaSources.PLACEHOLDER.matcher(text);
		if (placeholder.matches()) {
			return Integer.parseInt(placeholder.group(2));
		}
		return Integer.parseInt(text.strip());
	}

	/** The placeholder variable of management.server.port (e.g. MCLASS_GATEWAY_MANAGEMENT_PORT), or null. */
	String managementPortVariable() {
		Matcher placeholder = JavaSources.PLACEHOLDER.matcher(String.valueOf(this.properties.get("management.server.port")));
		return placeholder.matches() ? placeholder.group(1) : null;
	}

	/** The members of the readiness health group (management.endpoint.health.group.readiness.include). */
	Set<String> readinessGroup() {
		Object include = this.properties.get("management.endpoint.health.group.readiness.include");
		Set<String> members = new TreeSet<>();
		if (include != null) {
			for (String member : String.valueOf(include).split(",")) {
				members.add(member.strip());
			}
		}
		return members;
	}

	/** The database name of spring.datasource.url, or null for a service without a database. */
	String databaseName() {
		Object url = this.properties.get("spring.datasource.url");
		if (url == null) {
			return null;
		}
		String text = String.valueOf(url);
		return text.substring(text.lastIndexOf('/') + 1).replaceAll("[?].*", "");
	}

	boolean usesDatabase() {
		return this.dependencies.contains("postgresql");
	}

	boolean usesRedis() {
		return this.dependencies.stream().anyMatch((id) -> id.startsWith("spring-boot-starter-data-redis"));
	}

	boolean usesKafka() {
		return this.dependencies.contains("spring-boot-starter-kafka");
	}

	boolean usesMail() {
		return this.dependencies.contains("spring-boot-starter-mail") || this.allKeys.contains("spring.mail.host");
	}

	/** Health probes endpoints are on (application.yml); deployments may also switch them on by environment. */
	boolean probesEnabled() {
		return "true".equals(String.valueOf(this.properties.get("management.endpoint.health.probes.enabled")));
	}

	/** Every Kafka topic name the service's configuration and code mention. */
	Set<String> topics() {
		Pattern topic = Pattern.compile("(?<![A-Za-z0-9_.])mclass\\.[a-z]+\\.events(?:\\.DLT)?(?![A-Za-z0-9_])");
		Set<String> topics = new TreeSet<>();
		this.properties.values().forEach((value) -> {
			Matcher matcher = topic.matcher(String.valueOf(value));
			while (matcher.find()) {
				topics.add(matcher.group());
			}
		});
		for (Path source : Repo.files(this.name + "/src/main/java", ".java")) {
			Matcher matcher = topic.matcher(Repo.read(source));
			while (matcher.find()) {
				topics.add(matcher.group());
			}
		}
		return topics;
	}

	/** Property names this service knows: its yml keys, its bound properties, Spring Boot's metadata. */
	Map<String, Boolean> knownProperties() {
		Map<String, Boolean> known = new LinkedHashMap<>(BootProperties.metadata());
		this.allKeys.forEach((key) -> known.putIfAbsent(key, false));
		this.boundProperties.forEach((property) -> known.merge(property.name(), property.nested(), Boolean::logicalOr));
		return known;
	}

	Set<String> placeholderNames() {
		Set<String> names = new TreeSet<>();
		this.yamlPlaceholders.forEach((placeholder) -> names.add(placeholder.name()));
		this.javaPlaceholders.forEach((placeholder) -> names.add(placeholder.name()));
		return names;
	}

	/** Whether the service reads this environment variable (by placeholder, or by Boot's binding of a property). */
	boolean reads(String environmentVariable) {
		return JVM_VARIABLES.contains(environmentVariable) || placeholderNames().contains(environmentVariable)
				|| BootProperties.configuresAny(environmentVariable, knownProperties());
	}

	/**
	 * What a deployment must set for this service to work outside a developer machine, each a description and the
	 * test on the set of variable names a deployment gives it.
	 */
	List<Requirement> requirements(Set<String> exemptions) {
		List<Requirement> requirements = new ArrayList<>();
		// Variables read without a default.
		for (Placeholder placeholder : allPlaceholders()) {
			if (placeholder.isEnvironmentVariable() && !placeholder.hasDefault()) {
				requirements.add(new Requirement(placeholder.name() + " (read without a default)",
						(env) -> env.contains(placeholder.name())));
			}
		}
		// application.yml values that point at the developer machine.
		this.properties.forEach((key, value) -> {
			if (!(value instanceof String text) || !LOCAL_ADDRESS.matcher(text).find() || exemptions.contains(key)) {
				return;
			}
			List<String> localPlaceholders = JavaSources.placeholders(text)
				.stream()
				.filter((placeholder) -> placeholder.isEnvironmentVariable() && placeholder.hasDefault()
						&& LOCAL_ADDRESS.matcher(placeholder.defaultValue()).find())
				.map(Placeholder::name)
				.toList();
			String withoutPlaceholders = JavaSources.PLACEHOLDER.matcher(text).replaceAll("");
			boolean literal = LOCAL_ADDRESS.matcher(withoutPlaceholders).find();
			String description = key + " = " + text + " (a developer-machine default): set "
					+ (localPlaceholders.isEmpty() ? "its environment variable" : String.join(", ", localPlaceholders));
			requirements.add(new Requirement(description, (env) -> BootProperties.sets(env, key)
					|| (!literal && !localPlaceholders.isEmpty() && env.containsAll(localPlaceholders))));
		});
		// Code defaults that point at the developer machine: placeholders and @DefaultValue of bound properties.
		for (Placeholder placeholder : this.javaPlaceholders) {
			if (!placeholder.hasDefault() || !LOCAL_ADDRESS.matcher(placeholder.defaultValue()).find()
					|| exemptions.contains(placeholder.name())) {
				continue;
			}
			if (placeholder.isEnvironmentVariable()) {
				requirements.add(new Requirement(placeholder.name() + " (code default " + placeholder.defaultValue() + ")",
						(env) -> env.contains(placeholder.name())));
			}
			else if (!this.properties.containsKey(placeholder.name())) {
				requirements.add(new Requirement(placeholder.name() + " (code default " + placeholder.defaultValue() + ")",
						(env) -> BootProperties.sets(env, placeholder.name())));
			}
		}
		for (BoundProperty property : this.boundProperties) {
			if (property.defaultValue() != null && LOCAL_ADDRESS.matcher(property.defaultValue()).find()
					&& !this.properties.containsKey(property.name()) && !exemptions.contains(property.name())) {
				requirements.add(new Requirement(property.name() + " (default " + property.defaultValue() + ")",
						(env) -> BootProperties.sets(env, property.name())));
			}
		}
		// The infrastructure its starters talk to (Boot's defaults are localhost).
		if (usesDatabase()) {
			for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password")) {
				requirements.add(new Requirement(key + " (PostgreSQL)", (env) -> BootProperties.sets(env, key)));
			}
		}
		if (usesRedis()) {
			requirements.add(new Requirement("spring.data.redis.host (Redis)",
					(env) -> BootProperties.sets(env, "spring.data.redis.host")));
		}
		if (usesKafka()) {
			requirements.add(new Requirement("spring.kafka.bootstrap-servers (Kafka)",
					(env) -> BootProperties.sets(env, "spring.kafka.bootstrap-servers")));
		}
		if (usesMail()) {
			requirements.add(new Requirement("spring.mail.host (SMTP)", (env) -> BootProperties.sets(env, "spring.mail.host")));
		}
		requirements.add(new Requirement("server.port (SERVER_PORT, set explicitly everywhere)",
				(env) -> env.contains("SERVER_PORT")));
		return requirements;
	}

	private List<Placeholder> allPlaceholders() {
		List<Placeholder> all = new ArrayList<>(this.yamlPlaceholders);
		all.addAll(this.javaPlaceholders);
		return all;
	}

	record Requirement(String description, java.util.function.Predicate<Set<String>> satisfiedBy) {
	}

	@Override
	public String toString() {
		return this.name + " " + this.boundProperties.stream().map(BoundProperty::name).collect(Collectors.joining(","));
	}

	static boolean isDirectory(String relative) {
		return Files.isDirectory(Repo.path(relative));
	}

}
