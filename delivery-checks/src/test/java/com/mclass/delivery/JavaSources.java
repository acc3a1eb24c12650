package com.mclass.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of Java source text: comments removed, placeholders and @ConfigurationProperties records found. */
final class JavaSources {

	/** {@code ${NAME}} or {@code ${NAME:default}} (the default up to the first closing brace). */
	static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\\[\\]]+)(?::([^}\"]*))?}");

	private static final Pattern CONFIGURATION_PROPERTIES = Pattern
		.compile("@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"\\s*\\)");

	private static final Pattern RECORD_HEADER = Pattern.compile("^\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
			+ "(?:public\\s+|protected\\s+|private\\s+|static\\s+|final\\s+)*record\\s+\\w+\\s*(?:<[^>]*>)?\\s*\\(");

	private static final Pattern DEFAULT_VALUE = Pattern.compile("@DefaultValue\\s*(?:\\(([^)]*)\\))?");

	private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(?:\\s*\\([^)]*\\))?");

	private static final Set<String> SCALAR_TYPES = Set.of("String", "Duration", "Period", "DataSize", "int", "long",
			"boolean", "double", "float", "Integer", "Long", "Boolean", "Double", "Float", "URI", "URL", "ZoneId",
			"Locale", "Charset", "InetAddress", "Pattern");

	private JavaSources() {
	}

	/** A property a {@code @ConfigurationProperties} type binds; {@code nested} when it has properties of its own. */
	record BoundProperty(String name, boolean nested, String defaultValue) {
	}

	record Placeholder(String name, String defaultValue) {

		boolean hasDefault() {
			return this.defaultValue != null;
		}

		/** An environment variable name (upper case), not a property name. */
		boolean isEnvironmentVariable() {
			return this.name.matches("[A-Z][A-Z0-9_]*");
		}

	}

	static List<Placeholder> placeholders(String text) {
		List<Placeholder> found = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(new Placeholder(matcher.group(1), matcher.group(2)));
		}
		return found;
	}

	/** The source without comments; string and text-block contents are kept. */
	static String withoutComments(String source) {
		StringBuilder out = new StringBuilder(source.length());
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
				while (i < n && source.charAt(i) != '\n') {
					i++;
				}
			}
			else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
				int end = source.indexOf("*/", i + 2);
				i = (end < 0) ? n : end + 2;
				out.append(' ');
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				end = (end < 0) ? n : end + 3;
				out.append(source, i, end);
				i = end;
			}
			else if (c == '"' || c == '\'') {
				int j = i + 1;
				while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
					j += (source.charAt(j) == '\\') ? 2 : 1;
				}
				j = Math.min(j + 1, n);
				out.append(source, i, j);
				i = j;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	/**
	 * Properties bound by {@code @ConfigurationProperties("prefix")}: each component of an annotated record (with its
	 * {@code @DefaultValue}); for anything else (a class, a {@code @Bean} method) the prefix itself, as nested.
	 */
	static List<BoundProperty> boundProperties(String sourceWithoutComments) {
		List<BoundProperty> properties = new ArrayList<>();
		Matcher annotation = CONFIGURATION_PROPERTIES.matcher(sourceWithoutComments);
		while (annotation.find()) {
			String prefix = annotation.group(1);
			String rest = sourceWithoutComments.substring(annotation.end());
			Matcher header = RECORD_HEADER.matcher(rest);
			if (!header.find()) {
				properties.add(new BoundProperty(prefix, true, null));
				continue;
			}
			String parameters = balanced(rest, header.end() - 1);
			for (String parameter : splitTopLevel(parameters)) {
				BoundProperty property = component(prefix, parameter);
				if (property != null) {
					properties.add(property);
				}
			}
		}
		return properties;
	}

	private static BoundProperty component(String prefix, String parameter) {
		String text = parameter.strip();
		if (text.isEmpty()) {
			return null;
		}
		String defaultValue = null;
		Matcher defaults = DEFAULT_VALUE.matcher(text);
		if (defaults.find() && defaults.group(1) != null) {
			defaultValue = defaults.group(1).strip();
		}
		String declaration = ANNOTATION.matcher(text).replaceAll(" ").strip();
		String[] tokens = declaration.split("\\s+");
		if (tokens.length < 2) {
			return null;
		}
		String name = tokens[tokens.length - 1];
		String type = String.join(" ", java.util.Arrays.copyOf(tokens, tokens.length - 1));
		String simpleType = type.replaceAll("<.*", "").replaceAll(".*\\.", "").strip();
		boolean nested = !SCALAR_TYPES.contains(simpleType);
		return new BoundProperty(prefix + "." + kebab(name), nested, defaultValue);
	}

	/** The text between the parenthesis at {@code open} and its matching one. */
	private static String balanced(String text, int open) {
		int depth = 0;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (depth == 0) {
					return text.substring(open + 1, i);
				}
			}
			else if (c == '"') {
				int end = text.indexOf('"', i + 1);
				i = (end < 0) ? text.length() : end;
			}
		}
		return text.substring(open + 1);
	}

	private static List<String> splitTopLevel(String text) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		boolean inString = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
				inString = !inString;
			}
			if (inString) {
				continue;
			}
			if (c == '(' || c == '<' || c == '{' || c == '[') {
				depth++;
			}
			else if (c == ')' || c == '>' || c == '}' || c == ']') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(text.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(text.substring(start));
		return parts;
	}

	static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
