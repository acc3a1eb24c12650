package com.mclass.launcher.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service running as a child JVM: started with its environment, its output in its own log file, watched
 * until its readiness probe answers, and stopped the way a container platform would (SIGTERM, a grace period,
 * then SIGKILL for it and anything it started).
 */
public final class ServiceProcess implements AutoCloseable {

	/** How long a service may take to shut down gracefully before it is killed. */
	public static final Duration STOP_GRACE = Duration.ofSeconds(15);

	/**
	 * The grace period when a service records for its startup cache: on SIGTERM its JVM writes the classes and
	 * profiles of the session (150-190 MB each; five services together took 33 s on the two-core machine).
	 */
	static final Duration TRAINING_STOP_GRACE = Duration.ofMinutes(2);

	/** Building the caches from recorded sessions is CPU-bound (9-17 s each): two at a time. */
	private static final int CACHE_BUILDERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

	private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

	private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

	private static final int LOG_TAIL_LINES = 40;

	private static final HttpClient PROBE_CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(1))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	/**
	 * What to start.
	 *
	 * @param name the service (also its log's name and its cache's name)
	 * @param jar the Spring Boot executable jar
	 * @param runtime the JDK to run it on
	 * @param jvm JVM options and cache mode
	 * @param environment added to the launcher's own environment
	 * @param port the HTTP port it listens on
	 * @param logFile receives stdout and stderr
	 * @param cacheRoot where startup caches live
	 * @param readyTimeout how long it may take to become ready
	 * @param managementPort the port of its actuator, where its readiness probe is (the same as {@code port} when
	 * actuator shares the HTTP port)
	 */
	public record Launch(String name, Path jar, JavaRuntime runtime, JvmSettings jvm, Map<String, String> environment,
			int port, Path logFile, Path cacheRoot, Duration readyTimeout, int managementPort) {

		public Launch {
			environment = Map.copyOf(environment);
		}

		/** Actuator on the HTTP port. */
		public Launch(String name, Path jar, JavaRuntime runtime, JvmSettings jvm, Map<String, String> environment,
				int port, Path logFile, Path cacheRoot, Duration readyTimeout) {
			this(name, jar, runtime, jvm, environment, port, logFile, cacheRoot, readyTimeout, port);
		}

		URI readinessProbe() {
			return URI.create("http://localhost:" + this.managementPort + "/actuator/health/readiness");
		}

		/** {@code <repo>/<module>}, the directory a developer would start the jar from. */
		Path workingDirectory() {
			Path target = this.jar.toAbsolutePath().getParent();
			return (target != null && target.getParent() != null) ? target.getParent() : Path.of(".");
		}

	}

	private final Launch launch;

	private final Process process;

	private final boolean fromCache;

	/** The cache this process records for, or null when it does not record. */
	private final StartupCache training;

	private final long startedAt = System.nanoTime();

	private volatile Duration readyAfter;

	/** Set when we stop it ourselves: its exit then says nothing about its startup cache. */
	private volatile boolean stopRequested;

	private final StartupFailures startupFailures;

	private ServiceProcess(Launch launch, Process process, boolean fromCache, StartupCache training) {
		this.launch = launch;
		this.process = process;
		this.fromCache = fromCache;
		this.training = training;
		this.startupFailures = new StartupFailures(launch.logFile());
	}

	/**
	 * Starts the service and waits until it is ready. With {@link CdsMode#CREATE} a missing startup cache is
	 * created first; a service that dies while starting from a cache is started once more without it (and the
	 * cache is thrown away), so a bad cache costs time but never a failed start.
	 * @param onSpawn told about every process as soon as it exists, so that the caller can stop it when it gives
	 * up waiting (for example because another service failed)
	 */
	public static ServiceProcess startReady(Launch launch, Consumer<ServiceProcess> onSpawn) {
		return startReady(launch, onSpawn, false);
	}

	/**
	 * Starts the service again after it stopped or was killed, exactly as {@link #startReady} does, except that its
	 * log file is appended to: what it wrote before it went away stays for reading.
	 */
	public static ServiceProcess restartReady(Launch launch, Consumer<ServiceProcess> onSpawn) {
		return startReady(launch, onSpawn, true);
	}

	private static ServiceProcess startReady(Launch launch, Consumer<ServiceProcess> onSpawn, boolean appendToLog) {
		StartupCache cache = StartupCache.of(launch.cacheRoot(), launch.name(), launch.jar(), launch.runtime());
		CdsMode mode = cache.isSupported() ? launch.jvm().cds() : CdsMode.OFF;
		if (mode == CdsMode.USE_OR_TRAIN) {
			mode = (cache.isReady() || !cache.canTrainOnUse()) ? CdsMode.USE : CdsMode.TRAIN;
		}
		if (mode == CdsMode.TRAIN && !cache.canTrainOnUse()) {
			mode = CdsMode.CREATE;
		}
		if (mode == CdsMode.TRAIN) {
			List<String> recording = prepareTraining(launch, cache);
			if (recording != null) {
				ServiceProcess service = spawn(launch, recording, false, cache, appendToLog);
				onSpawn.accept(service);
				service.awaitReady();
				return service;
			}
			mode = CdsMode.OFF;
		}
		if (mode == CdsMode.CREATE && !cache.isReady()) {
			createCache(launch, cache);
		}
		boolean useCache = mode != CdsMode.OFF && cache.isReady();
		ServiceProcess service = useCache ? spawn(launch, cache.launchArguments(), true, null, appendToLog)
				: spawnPlain(launch, appendToLog);
		onSpawn.accept(service);
		try {
			service.awaitReady();
			return service;
		}
		catch (ServiceStartupException ex) {
			if (!useCache || service.process.isAlive() || service.stopRequested || Thread.currentThread().isInterrupted()
					|| new StartupFailures(launch.logFile()).scan() != null) {
				// Not the cache's fault: still running, stopped by us, or Spring Boot itself reported the failure.
				throw ex;
			}
			log.warn("{} exited while starting from its startup cache; discarding the cache and starting it plainly",
					launch.name());
			cache.discard();
			ServiceProcess plain = spawnPlain(launch, true);
			onSpawn.accept(plain);
			plain.awaitReady();
			return plain;
		}
	}

	private static void createCache(Launch launch, StartupCache cache) {
		long started = System.nanoTime();
		log.info("{}: creating its startup cache (a training start, once per build of the jar)", launch.name());
		try {
			cache.create(launch.jvm().options(), launch.environment(), launch.workingDirectory(),
					launch.readyTimeout().multipliedBy(2));
			log.info("{}: startup cache created in {} s", launch.name(), seconds(System.nanoTime() - started));
		}
		catch (IOException ex) {
			log.warn("{}: could not create its startup cache ({}); starting it without one", launch.name(),
					ex.getMessage());
			cache.discard();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			cache.discard();
			throw new ServiceStartupException(launch.name(), "Startup of " + launch.name() + " was cancelled");
		}
	}

	/** The extracted jar in record mode, or null (logged) when the jar cannot be prepared. */
	private static List<String> prepareTraining(Launch launch, StartupCache cache) {
		try {
			List<String> arguments = cache.prepareTraining(launch.workingDirectory());
			log.info("{}: recording this session for its startup cache (built when the platform stops)", launch.name());
			return arguments;
		}
		catch (IOException ex) {
			log.warn("{}: cannot record for its startup cache ({}); starting it plainly", launch.name(), ex.getMessage());
			cache.discard();
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			cache.discard();
			throw new ServiceStartupException(launch.name(), "Startup of " + launch.name() + " was cancelled");
		}
	}

	private static ServiceProcess spawnPlain(Launch launch, boolean appendToLog) {
		return spawn(launch, List.of("-jar", launch.jar().toString()), false, null, appendToLog);
	}

	/** {@code jarArguments} replace {@code -jar <jar>}: the cached or recording variants of the same start. */
	private static ServiceProcess spawn(Launch launch, List<String> jarArguments, boolean fromCache,
			StartupCache training, boolean appendToLog) {
		List<String> command = new ArrayList<>();
		command.add(launch.runtime().executable().toString());
		command.addAll(launch.jvm().options());
		command.addAll(jarArguments);
		try {
			Files.createDirectories(launch.logFile().toAbsolutePath().getParent());
			// The command line heads the log: the first thing to look at when a service behaves differently here.
			String header = "# mclass: " + String.join(" ", command) + System.lineSeparator();
			if (appendToLog) {
				Files.writeString(launch.logFile(), header, StandardCharsets.UTF_8,
						StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
			else {
				Files.writeString(launch.logFile(), header, StandardCharsets.UTF_8);
			}
			ProcessBuilder builder = new ProcessBuilder(command).directory(launch.workingDirectory().toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()));
			builder.environment().putAll(launch.environment());
			Process process = builder.start();
			log.debug("{}: started pid {}: {}", launch.name(), process.pid(), command);
			return new ServiceProcess(launch, process, fromCache, training);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + launch.name() + " (" + command + ")", ex);
		}
	}

	/** Polls the readiness probe until it answers 200; fails fast when the process exits. */
	void awaitReady() {
		long deadline = this.startedAt + this.launch.readyTimeout().toNanos();
		HttpRequest probe = HttpRequest.newBuilder(this.launch.readinessProbe()).timeout(Duration.ofSeconds(2)).GET().build();
		String lastAnswer = "no answer yet";
		while (true) {
			if (!this.process.isAlive()) {
				throw new ServiceStartupException(this.launch.name(), this.launch.name() + " exited with code "
						+ this.process.exitValue() + " while starting" + (this.fromCache ? " (from its startup cache)" : "")
						+ ". " + logTailSection());
			}
			try {
				HttpResponse<String> response = PROBE_CLIENT.send(probe, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					this.readyAfter = Duration.ofNanos(System.nanoTime() - this.startedAt);
					return;
				}
				lastAnswer = response.statusCode() + " " + response.body();
			}
			catch (ConnectException ex) {
				lastAnswer = "connection refused (not listening yet)";
			}
			catch (IOException ex) {
				lastAnswer = ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ServiceStartupException(this.launch.name(), "Startup of " + this.launch.name() + " was cancelled");
			}
			String fatal = this.startupFailures.scan();
			if (fatal != null) {
				throw new ServiceStartupException(this.launch.name(), this.launch.name() + " failed to start (its log says \""
						+ fatal + "\") but its JVM is still running. " + logTailSection());
			}
			if (System.nanoTime() > deadline) {
				throw new ServiceStartupException(this.launch.name(), this.launch.name() + " did not become ready within "
						+ this.launch.readyTimeout().toSeconds() + " s (GET " + this.launch.readinessProbe()
						+ " last answered: " + lastAnswer + "). " + logTailSection());
			}
			try {
				Thread.sleep(PROBE_INTERVAL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ServiceStartupException(this.launch.name(), "Startup of " + this.launch.name() + " was cancelled");
			}
		}
	}

	private String logTailSection() {
		return "Last lines of its log (" + this.launch.logFile() + "):\n" + LogTail.of(this.launch.logFile(), LOG_TAIL_LINES);
	}

	public String name() {
		return this.launch.name();
	}

	/** What was started: {@link #restartReady} with it starts the same service on the same port again. */
	public Launch launch() {
		return this.launch;
	}

	/**
	 * SIGKILL for the service and anything it started, with no grace (a crash, an OOM kill, a node lost), and waits
	 * until it is gone so that its port is free.
	 */
	public void kill() {
		this.stopRequested = true;
		List<ProcessHandle> descendants = this.process.descendants().toList();
		this.process.destroyForcibly();
		descendants.forEach(ProcessHandle::destroyForcibly);
		awaitExit(this.process.toHandle());
		descendants.forEach(ServiceProcess::awaitExit);
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Whether it was started from a startup cache. */
	public boolean isFromCache() {
		return this.fromCache;
	}

	/** From process start until the readiness probe answered 200; null while not ready. */
	public Duration readyAfter() {
		return this.readyAfter;
	}

	public Path logFile() {
		return this.launch.logFile();
	}

	/** The exit code, once it has exited. */
	public int exitValue() {
		return this.process.exitValue();
	}

	public String logTail(int lines) {
		return LogTail.of(this.launch.logFile(), lines);
	}

	@Override
	public void close() {
		stopAll(List.of(this), STOP_GRACE);
	}

	/**
	 * Stops the processes together: SIGTERM to all first, so that they shut down in parallel, then up to
	 * {@code grace} for them to exit, then SIGKILL for whatever is left, descendants included. Descendants are
	 * listed before the signal because once a parent exits its children are re-parented and can no longer be
	 * found through it.
	 */
	public static void stopAll(Collection<ServiceProcess> services, Duration grace) {
		if (services.stream().anyMatch((service) -> service.training != null) && grace.compareTo(TRAINING_STOP_GRACE) < 0) {
			log.info("Waiting for the recording services to write what they ran (up to {} s)…",
					TRAINING_STOP_GRACE.toSeconds());
			grace = TRAINING_STOP_GRACE;
		}
		List<ProcessHandle> descendants = new ArrayList<>();
		for (ServiceProcess service : services) {
			service.stopRequested = true;
			service.process.descendants().forEach(descendants::add);
			service.process.destroy();
		}
		long deadline = System.nanoTime() + grace.toNanos();
		for (ServiceProcess service : services) {
			try {
				long remaining = Math.max(0, deadline - System.nanoTime());
				if (!service.process.waitFor(remaining, TimeUnit.NANOSECONDS)) {
					log.warn("{} did not stop within {} s; killing it", service.name(), grace.toSeconds());
					service.process.destroyForcibly();
					service.process.waitFor(5, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				service.process.destroyForcibly();
			}
		}
		for (ProcessHandle descendant : descendants) {
			if (descendant.isAlive()) {
				descendant.destroyForcibly();
			}
		}
		for (ProcessHandle descendant : descendants) {
			awaitExit(descendant);
		}
	}

	/**
	 * Builds the startup caches of the services that recorded their session ({@link CdsMode#TRAIN}) and have
	 * stopped; the next start in {@link CdsMode#USE} picks them up. A service that wrote nothing (killed) gets none.
	 */
	public static void buildTrainedCaches(Collection<ServiceProcess> services) {
		List<ServiceProcess> recorded = services.stream()
			.filter((service) -> service.training != null && !service.process.isAlive())
			.toList();
		if (recorded.isEmpty()) {
			return;
		}
		log.info("Building the startup caches of {} from this session ({} at a time)…",
				String.join(", ", recorded.stream().map(ServiceProcess::name).toList()), CACHE_BUILDERS);
		ExecutorService builders = Executors.newFixedThreadPool(CACHE_BUILDERS);
		try {
			List<Future<?>> builds = new ArrayList<>();
			recorded.forEach((service) -> builds.add(builders.submit(service::buildTrainedCache)));
			for (Future<?> build : builds) {
				try {
					build.get();
				}
				catch (ExecutionException ex) {
					log.warn("Building a startup cache failed: {}", ex.getCause().toString());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			builders.shutdownNow();
		}
	}

	private void buildTrainedCache() {
		long started = System.nanoTime();
		try {
			if (this.training.finishTraining(this.launch.jvm().options(), this.launch.environment(),
					this.launch.workingDirectory(), this.launch.readyTimeout().multipliedBy(2))) {
				log.info("{}: startup cache built from this session in {} s", name(), seconds(System.nanoTime() - started));
			}
			else {
				log.warn("{}: recorded nothing (it did not stop on its own); no startup cache", name());
			}
		}
		catch (IOException ex) {
			log.warn("{}: could not build its startup cache ({})", name(), ex.getMessage());
			this.training.discard();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.training.discard();
		}
	}

	/** SIGKILL is asynchronous; wait until the process is really gone so that its ports are free afterwards. */
	private static void awaitExit(ProcessHandle process) {
		try {
			process.onExit().get(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			log.warn("Process {} did not exit after SIGKILL", process.pid());
		}
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
	}

}
