package com.mclass.launcher.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A per-service startup cache under {@code <cacheRoot>/<service>/<key>/}, where the key is the JDK version and
 * the jar's size and modification time, so that a rebuilt jar or another JDK never meets an old cache.
 *
 * <p>Both kinds of cache need the application on a plain class path of jars, so the Spring Boot jar is first
 * extracted ({@code -Djarmode=tools extract}); a training run then starts the service up to the end of context
 * refresh ({@code -Dspring.context.exit=onRefresh}) and the JVM writes what it loaded on exit: an AOT cache with
 * linked classes and method profiles on JDK 25 ({@code -XX:AOTCacheOutput}), a dynamic CDS archive on older JDKs
 * ({@code -XX:ArchiveClassesAtExit}). A cache is only used once a {@code complete} marker exists, so a training
 * run that died half way is never picked up.
 *
 * <p>A start-up-only training leaves the JIT cold: the profiles it records end where the first request begins. On
 * JDK 25 the cache can instead be trained on a session of real use ({@link CdsMode#TRAIN}): the service runs from the
 * extracted jar in AOT record mode ({@code -XX:AOTMode=record}), writes its configuration (the classes it loaded and
 * the profiles of the methods it ran) when it stops, and {@link #finishTraining} turns that into the cache.
 */
final class StartupCache {

	private static final Logger log = LoggerFactory.getLogger(StartupCache.class);

	private static final int AOT_CACHE_FEATURE = 25;

	private static final int DYNAMIC_ARCHIVE_FEATURE = 13;

	private final Path serviceDirectory;

	private final Path directory;

	private final Path jar;

	private final JavaRuntime runtime;

	private StartupCache(Path serviceDirectory, Path directory, Path jar, JavaRuntime runtime) {
		this.serviceDirectory = serviceDirectory;
		this.directory = directory;
		this.jar = jar;
		this.runtime = runtime;
	}

	private static final String TRAINING_CONFIGURATION = "app.aotconf";

	static StartupCache of(Path cacheRoot, String service, Path jar, JavaRuntime runtime) {
		Path serviceDirectory = cacheRoot.resolve(service);
		String key;
		try {
			key = runtime.version() + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
		}
		catch (IOException ex) {
			key = "unreadable-jar";
		}
		return new StartupCache(serviceDirectory, serviceDirectory.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_")), jar,
				runtime);
	}

	boolean isSupported() {
		return this.runtime.feature() >= DYNAMIC_ARCHIVE_FEATURE;
	}

	/** Whether a session of use can train the cache (AOT record mode, JDK 25). */
	boolean canTrainOnUse() {
		return usesAotCache();
	}

	boolean isReady() {
		return isSupported() && Files.exists(this.directory.resolve("complete")) && Files.exists(cacheFile());
	}

	/** The arguments that replace {@code -jar <jar>} when the cache is used. */
	List<String> launchArguments() {
		List<String> arguments = new ArrayList<>();
		if (usesAotCache()) {
			arguments.add("-XX:AOTCache=" + cacheFile());
		}
		else {
			arguments.add("-XX:SharedArchiveFile=" + cacheFile());
		}
		arguments.add("-jar");
		arguments.add(extractedJar().toString());
		return arguments;
	}

	/**
	 * Extracts the jar and runs the training start with the service's real configuration (the infrastructure is
	 * already up, so its context refreshes exactly as it will later). Throws when anything goes wrong; the caller
	 * then starts the service without a cache.
	 */
	void create(List<String> jvmOptions, Map<String, String> environment, Path workingDirectory, Duration timeout)
			throws IOException, InterruptedException {
		extractAfresh(workingDirectory);
		run(javaOnExtractedJar(jvmOptions,
				usesAotCache() ? "-XX:AOTCacheOutput=" + cacheFile() : "-XX:ArchiveClassesAtExit=" + cacheFile(),
				"-Dspring.context.exit=onRefresh"), environment, workingDirectory, trainingLog(), timeout, "training");
		markComplete("the training run");
	}

	/**
	 * Replaces whatever cache there was by the extracted jar alone, ready for a session in record mode; returns the
	 * arguments that replace {@code -jar <jar>} for that session.
	 */
	List<String> prepareTraining(Path workingDirectory) throws IOException, InterruptedException {
		extractAfresh(workingDirectory);
		return List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + trainingConfiguration(), "-jar",
				extractedJar().toString());
	}

	/**
	 * After a session in record mode stopped, builds the cache from what it recorded ({@code -XX:AOTMode=create}).
	 * Returns false, leaving no cache, when the session wrote nothing (killed, or it never stopped on its own).
	 */
	boolean finishTraining(List<String> jvmOptions, Map<String, String> environment, Path workingDirectory,
			Duration timeout) throws IOException, InterruptedException {
		Path configuration = trainingConfiguration();
		if (!Files.exists(configuration) || Files.size(configuration) == 0) {
			discard();
			return false;
		}
		try {
			run(javaOnExtractedJar(jvmOptions, "-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration,
					"-XX:AOTCache=" + cacheFile()), environment, workingDirectory, trainingLog(), timeout,
					"creating the cache");
		}
		finally {
			Files.deleteIfExists(configuration); // as large as the cache, and of no use once it is built
		}
		markComplete("creating the cache");
		return true;
	}

	void discard() {
		deleteRecursively(this.directory);
	}

	Path trainingLog() {
		return this.directory.resolve("training.log");
	}

	/** Older keys are stale by definition: the service's directory is emptied before the jar is extracted. */
	private void extractAfresh(Path workingDirectory) throws IOException, InterruptedException {
		deleteRecursively(this.serviceDirectory);
		Files.createDirectories(this.directory);
		if (!isSpringBootJar()) {
			// A plain jar (the launcher's own test fakes) is already a class path the AOT cache accepts.
			Files.createDirectories(extractedJar().getParent());
			Files.copy(this.jar, extractedJar());
			return;
		}
		run(List.of(this.runtime.executable().toString(), "-Djarmode=tools", "-jar", this.jar.toString(), "extract",
				"--destination", this.directory.resolve("app").toString()), Map.of(), workingDirectory, trainingLog(),
				Duration.ofMinutes(2), "extracting");
	}

	/** {@code java <jvmOptions> <cacheOptions> -jar <extracted jar>}: a training run or a cache build. */
	private List<String> javaOnExtractedJar(List<String> jvmOptions, String... cacheOptions) {
		List<String> command = new ArrayList<>();
		command.add(this.runtime.executable().toString());
		command.addAll(jvmOptions);
		command.addAll(List.of(cacheOptions));
		command.add("-jar");
		command.add(extractedJar().toString());
		return command;
	}

	/** Only a cache with this marker is ever used: a step that died half way leaves none. */
	private void markComplete(String step) throws IOException {
		if (!Files.exists(cacheFile())) {
			throw new IOException(step + " wrote no cache; see " + trainingLog());
		}
		Files.writeString(this.directory.resolve("complete"), this.runtime.version() + "\n");
	}

	private boolean isSpringBootJar() throws IOException {
		try (JarFile jarFile = new JarFile(this.jar.toFile())) {
			return jarFile.stream().anyMatch((entry) -> entry.getName().startsWith("BOOT-INF/"));
		}
	}

	private Path trainingConfiguration() {
		return this.directory.resolve(TRAINING_CONFIGURATION);
	}

	private boolean usesAotCache() {
		return this.runtime.feature() >= AOT_CACHE_FEATURE;
	}

	private Path cacheFile() {
		return this.directory.resolve(usesAotCache() ? "app.aot" : "app.jsa");
	}

	private Path extractedJar() {
		return this.directory.resolve("app").resolve(this.jar.getFileName());
	}

	private static void run(List<String> command, Map<String, String> environment, Path workingDirectory, Path log,
			Duration timeout, String step) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IOException(step + " did not finish within " + timeout.toSeconds() + " s; see " + log);
			}
			if (process.exitValue() != 0) {
				throw new IOException(step + " failed with exit code " + process.exitValue() + "; see " + log);
			}
		}
		finally {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", directory, ex.getMessage());
		}
	}

}
