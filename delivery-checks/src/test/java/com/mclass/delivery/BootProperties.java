package com.mclass.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Spring Boot's side of "does this environment variable configure that property": the configuration metadata of
 * the starters on this module's test classpath, and Boot's own relaxed binding of environment variables.
 */
final class BootProperties {

	/** Property name to whether it is a map or collection (so that environment variables below it bind too). */
	private static final Map<String, Boolean> METADATA = loadMetadata();

	private BootProperties() {
	}

	static Map<String, Boolean> metadata() {
		return METADATA;
	}

	private static Map<String, Boolean> loadMetadata() {
		Map<String, Boolean> properties = new LinkedHashMap<>();
		ObjectMapper json = new ObjectMapper();
		for (String resource : new String[] { "META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json" }) {
			try {
				for (URL url : Collections.list(BootProperties.class.getClassLoader().getResources(resource))) {
					try (InputStream in = url.openStream()) {
						JsonNode root = json.readTree(in);
						for (JsonNode property : root.path("properties")) {
							String name = property.path("name").asString();
							String type = property.path("type").asString("");
							boolean nested = type.startsWith("java.util.Map") || type.startsWith("java.util.List")
									|| type.startsWith("java.util.Set") || type.startsWith("java.util.Collection")
									|| type.endsWith("[]");
							properties.merge(name, nested, Boolean::logicalOr);
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return Collections.unmodifiableMap(properties);
	}

	/** Whether the environment variables (names only) give {@code property} a value, by Boot's relaxed binding. */
	static boolean sets(Set<String> environmentVariables, String property) {
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
		if (name == null) {
			return false;
		}
		return source(environmentVariables).getConfigurationProperty(name) != null;
	}

	/** Whether the variable configures something below {@code property} (a map key, a list element, a field). */
	static boolean setsBelow(String environmentVariable, String property) {
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
		if (name == null) {
			return false;
		}
		return source(Set.of(environmentVariable)).containsDescendantOf(name) == ConfigurationPropertyState.PRESENT;
	}

	/** Upper case without separators: the cheap pre-filter before asking Boot. */
	static String squash(String name) {
		StringBuilder squashed = new StringBuilder(name.length());
		for (char c : name.toCharArray()) {
			if (Character.isLetterOrDigit(c)) {
				squashed.append(Character.toUpperCase(c));
			}
		}
		return squashed.toString();
	}

	/** Whether {@code environmentVariable} configures one of the properties (exact) or something below a nested one. */
	static boolean configuresAny(String environmentVariable, Map<String, Boolean> properties) {
		String squashed = squash(environmentVariable);
		for (Map.Entry<String, Boolean> property : properties.entrySet()) {
			String candidate = squash(property.getKey());
			if (candidate.equals(squashed) && sets(Set.of(environmentVariable), property.getKey())) {
				return true;
			}
			if (property.getValue() && squashed.startsWith(candidate) && !candidate.isEmpty()
					&& setsBelow(environmentVariable, property.getKey())) {
				return true;
			}
		}
		return false;
	}

	static Set<String> names() {
		return new TreeSet<>(METADATA.keySet());
	}

	private static ConfigurationPropertySource source(Set<String> environmentVariables) {
		Map<String, Object> values = new LinkedHashMap<>();
		environmentVariables.forEach((variable) -> values.put(variable, "x"));
		return ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, values));
	}

}
