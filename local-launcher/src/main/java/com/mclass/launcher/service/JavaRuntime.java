package com.mclass.launcher.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JDK the services can run on, and its version (which decides the kind of startup cache it supports). */
public record JavaRuntime(Path executable, String version) {

	/** Preferred for the services when installed: Java 25 starts Spring Boot faster and has the AOT cache. */
	public static final Path PREFERRED_HOME = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

	private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);

	private static final Pattern VERSION_OUTPUT = Pattern.compile("version \"([^\"]+)\"");

	/**
	 * The java executable for the services: {@code MCLASS_JAVA_HOME} if set, else Java 25 where it is usually
	 * installed, else the JDK running the launcher.
	 */
	public static Path defaultExecutable(Map<String, String> environment) {
		String home = environment.get("MCLASS_JAVA_HOME");
		if (home != null && !home.isBlank()) {
			return Path.of(home, "bin", "java");
		}
		Path preferred = PREFERRED_HOME.resolve("bin").resolve("java");
		if (Files.isExecutable(preferred)) {
			return preferred;
		}
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

	/** Reads the version from the JDK's {@code release} file, or asks the executable when there is none. */
	public static JavaRuntime of(Path executable) {
		return new JavaRuntime(executable, versionFromReleaseFile(executable).orElseGet(() -> versionFromOutput(executable)));
	}

	/** 25 for "25.0.1", 17 for "17.0.15", 8 for "1.8.0_402"; 0 when unknown. */
	public int feature() {
		String[] parts = this.version.split("[.+\\-_]");
		try {
			int first = Integer.parseInt(parts[0]);
			return (first == 1 && parts.length > 1) ? Integer.parseInt(parts[1]) : first;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static Optional<String> versionFromReleaseFile(Path executable) {
		Path bin = executable.toAbsolutePath().getParent();
		Path release = (bin != null && bin.getParent() != null) ? bin.getParent().resolve("release") : null;
		if (release == null || !Files.isRegularFile(release)) {
			return Optional.empty();
		}
		try {
			Matcher matcher = RELEASE_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
			return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static String versionFromOutput(Path executable) {
		try {
			Process process = new ProcessBuilder(List.of(executable.toString(), "-version")).redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(10, TimeUnit.SECONDS);
			Matcher matcher = VERSION_OUTPUT.matcher(output);
			return matcher.find() ? matcher.group(1) : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

}
