package com.mclass.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The repository the checks read: its root, its files, its Maven modules and which of them are deployables. */
final class Repo {

	static final Path ROOT = findRoot();

	private static final ObjectMapper JSON = new ObjectMapper();

	private Repo() {
	}

	private static Path findRoot() {
		String configured = System.getProperty("mclass.repo.root");
		Path start = (configured != null) ? Path.of(configured) : Path.of("").toAbsolutePath();
		for (Path candidate = start.toAbsolutePath().normalize(); candidate != null; candidate = candidate.getParent()) {
			if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isRegularFile(candidate.resolve("pom.xml"))
					&& Files.isDirectory(candidate.resolve("platform-bom"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("No MClass repository root above " + start);
	}

	static Path path(String relative) {
		return ROOT.resolve(relative);
	}

	static boolean exists(String relative) {
		return Files.exists(path(relative));
	}

	static String read(String relative) {
		return read(path(relative));
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** SnakeYAML with the safe constructor (merge keys {@code <<} are resolved). */
	static Object yaml(String relative) {
		return yaml(path(relative));
	}

	static Object yaml(Path file) {
		return new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file));
	}

	static JsonNode json(String relative) {
		return json(path(relative));
	}

	static JsonNode json(Path file) {
		return JSON.readTree(read(file));
	}

	static List<Path> files(String relativeDirectory, String suffix) {
		Path directory = path(relativeDirectory);
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(directory)) {
			return walk.filter(Files::isRegularFile)
				.filter((file) -> file.getFileName().toString().endsWith(suffix))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The modules of the root pom, in order. */
	static List<String> modules() {
		String pom = read("pom.xml");
		Matcher section = Pattern.compile("<modules>(.*?)</modules>", Pattern.DOTALL).matcher(pom);
		List<String> modules = new ArrayList<>();
		if (section.find()) {
			Matcher module = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>").matcher(section.group(1));
			while (module.find()) {
				modules.add(module.group(1));
			}
		}
		return modules;
	}

	/** The deployables: the modules that are Spring Boot applications with their own application.yml. */
	static List<String> deployables() {
		return modules().stream()
			.filter((module) -> Files.isRegularFile(path(module + "/src/main/resources/application.yml")))
			.toList();
	}

}
