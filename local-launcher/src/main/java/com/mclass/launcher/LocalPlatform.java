package com.mclass.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mclass.launcher.kafka.EmbeddedKafka;
import com.mclass.launcher.mail.MailSink;
import com.mclass.launcher.net.LocalPorts;
import com.mclass.launcher.oauth.MockOAuthServer;
import com.mclass.launcher.oauth.SocialProviders;
import com.mclass.launcher.postgres.PostgresServer;
import com.mclass.launcher.redis.LocalRedis;
import com.mclass.launcher.service.JavaRuntime;
import com.mclass.launcher.service.LogTail;
import com.mclass.launcher.service.ServiceProcess;

/**
 * The whole MClass platform on this machine: PostgreSQL, Redis, a Kafka broker, a mail sink, the mock social-login
 * providers (unless real ones are configured) and the five services, started in that order and stopped in reverse by
 * {@link #close()}.
 *
 * <pre>{@code
 * try (LocalPlatform platform = LocalPlatform.start(PlatformSpec.forTests(repoRoot))) {
 *     URI gateway = platform.gatewayUrl();
 *     URI mail = platform.mailApiUrl();   // Mailpit API: mail + "/api/v1/messages"
 * }
 * }</pre>
 */
public final class LocalPlatform implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

	private static final Duration STOP_GRACE = ServiceProcess.STOP_GRACE;

	private final PlatformSpec spec;

	/** Resolved (0 → a free port) just before the services start, so that nothing takes them in between. */
	private volatile Map<PlatformService, Integer> servicePorts;

	private volatile Map<PlatformService, Integer> managementPorts;

	private final Map<PlatformService, ServiceProcess> services = Collections
		.synchronizedMap(new EnumMap<>(PlatformService.class));

	/** Everything started so far, in start order; close() stops it in reverse. Guarded by this. */
	private final Deque<AutoCloseable> started = new ArrayDeque<>();

	private boolean closing;

	/** The threads starting services, while they do; close() cancels them first. Guarded by this. */
	private ExecutorService starters;

	private PostgresServer postgres;

	private LocalRedis redis;

	private EmbeddedKafka kafka;

	private MailSink mail;

	/** Null when social logins go elsewhere ({@link PlatformSpec#socialProviders()}). */
	private MockOAuthServer oauthMock;

	private Duration startupTime;

	LocalPlatform(PlatformSpec spec) {
		this.spec = spec;
	}

	/**
	 * Starts everything and returns once every service answers its readiness probe. Checks first that every fixed
	 * port is free and every service jar exists, and stops whatever it started when anything fails.
	 * @throws PlatformStartupException with a message meant for a person: what failed and what to do
	 */
	public static LocalPlatform start(PlatformSpec spec) {
		LocalPlatform platform = new LocalPlatform(spec);
		platform.boot();
		return platform;
	}

	void boot() {
		long startedAt = System.nanoTime();
		checkPrerequisites(this.spec);
		try {
			startInfrastructure();
			startServices();
		}
		catch (RuntimeException ex) {
			close();
			if (ex instanceof PlatformStartupException startupFailure) {
				throw startupFailure;
			}
			throw new PlatformStartupException(ex.getMessage(), ex);
		}
		this.startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
		log.info("All services ready in {} s", seconds(this.startupTime));
	}

	static void checkPrerequisites(PlatformSpec spec) {
		List<String> problems = new ArrayList<>();
		List<FixedPort> fixedPorts = new ArrayList<>();
		for (PlatformService service : PlatformService.values()) {
			fixedPorts.add(new FixedPort(spec.ports().service(service), service.module(), service.portVariable()));
			fixedPorts.add(new FixedPort(spec.ports().management(service), service.module() + "'s management port",
					service.managementPortVariable()));
		}
		fixedPorts.add(new FixedPort(spec.ports().kafka(), "Kafka", "MCLASS_KAFKA_PORT"));
		fixedPorts.add(new FixedPort(spec.ports().smtp(), "the SMTP sink", "MCLASS_SMTP_PORT"));
		fixedPorts.add(new FixedPort(spec.ports().mailUi(), "the mail inbox", "MCLASS_MAIL_UI_PORT"));
		if (spec.socialProviders() == SocialProviders.LOCAL_MOCK) {
			fixedPorts.add(new FixedPort(spec.ports().oauthMock(), "the mock OAuth2 providers", "MCLASS_OAUTH_MOCK_PORT"));
		}
		Map<Integer, FixedPort> byPort = new LinkedHashMap<>();
		for (FixedPort fixed : fixedPorts) {
			if (fixed.port() == 0) {
				continue;
			}
			FixedPort other = byPort.putIfAbsent(fixed.port(), fixed);
			if (other != null) {
				problems.add("port " + fixed.port() + " is set for both " + other.owner() + " and " + fixed.owner()
						+ " — change " + other.variable() + " or " + fixed.variable());
			}
			else if (!LocalPorts.isFree(fixed.port())) {
				problems.add("port " + fixed.port() + " (" + fixed.owner() + ") is in use — stop the process using it"
						+ " (ss -ltnp 'sport = :" + fixed.port() + "') or set " + fixed.variable());
			}
		}
		List<String> missingJars = new ArrayList<>();
		for (PlatformService service : PlatformService.values()) {
			if (!Files.isRegularFile(spec.jar(service))) {
				missingJars.add(spec.repoRoot().relativize(spec.jar(service)).toString());
			}
		}
		if (!missingJars.isEmpty()) {
			problems.add("missing service jar" + ((missingJars.size() > 1) ? "s " : " ") + String.join(", ", missingJars)
					+ " — build them with ./mvnw -q -B -DskipTests package (./mclass up builds what is stale for you)");
		}
		Path java = spec.jvm().javaExecutable();
		if (!Files.isExecutable(java)) {
			problems.add("no java executable at " + java + " — set MCLASS_JAVA_HOME to a JDK 17 or newer");
		}
		else {
			JavaRuntime runtime = JavaRuntime.of(java);
			if (runtime.feature() != 0 && runtime.feature() < 17) {
				problems.add(java + " is Java " + runtime.version() + " but the services need 17 or newer — set MCLASS_JAVA_HOME");
			}
		}
		if (!problems.isEmpty()) {
			throw new PlatformStartupException("Cannot start the platform:\n  - " + String.join("\n  - ", problems));
		}
	}

	/** A port the platform will bind, who binds it and which variable moves it. */
	private record FixedPort(int port, String owner, String variable) {
	}

	private static Map<PlatformService, Integer> resolveServicePorts(PlatformSpec.Ports ports) {
		// Every service is told every other service's URL before any starts, so free ports are chosen up front.
		Map<PlatformService, Integer> resolved = new EnumMap<>(PlatformService.class);
		for (PlatformService service : PlatformService.values()) {
			int port = ports.service(service);
			resolved.put(service, (port != 0) ? port : LocalPorts.freePort());
		}
		return Collections.unmodifiableMap(resolved);
	}

	private static Map<PlatformService, Integer> resolveManagementPorts(PlatformSpec.Ports ports,
			Map<PlatformService, Integer> servicePorts) {
		Map<PlatformService, Integer> resolved = new EnumMap<>(PlatformService.class);
		for (PlatformService service : PlatformService.values()) {
			int port = ports.management(service);
			while (port == 0 || servicePorts.containsValue(port) || resolved.containsValue(port)) {
				port = LocalPorts.freePort();
			}
			resolved.put(service, port);
		}
		return Collections.unmodifiableMap(resolved);
	}

	private void startInfrastructure() {
		this.postgres = track(PostgresServer.reuseOrStart(this.spec.database()));
		this.postgres.ensureDatabases(databaseNames());
		this.redis = track(LocalRedis.reuseOrStart(this.spec.redis()));
		this.kafka = track(EmbeddedKafka.start(this.spec.ports().kafka()));
		this.mail = track(MailSink.start(this.spec.ports().smtp(), this.spec.ports().mailUi()));
		if (this.spec.socialProviders() == SocialProviders.LOCAL_MOCK) {
			// Its landing page calls the gateway, whose port is only chosen when the services start.
			this.oauthMock = track(MockOAuthServer.start(this.spec.ports().oauthMock(),
					() -> (this.servicePorts != null) ? gatewayUrl() : null));
		}
	}

	private List<String> databaseNames() {
		List<String> names = new ArrayList<>();
		for (PlatformService service : PlatformService.values()) {
			service.databaseSuffix().ifPresent((suffix) -> names.add(this.spec.database().databaseName(suffix)));
		}
		return names;
	}

	/**
	 * Starts the services in {@link PlatformService} order, by default all at once. Measured on the two-core
	 * development machine (shared with other builds), starting all five together reached "all ready" sooner than
	 * a queue of two in every run (plain: 40-73 s against 58-120 s; from AOT caches: 20-26 s against 28-46 s):
	 * much of a Spring Boot start waits on I/O, the database and the broker rather than on the CPU, and no service
	 * needs another to be up to start. {@code startupConcurrency} still allows a queue, e.g. when memory is short.
	 */
	private void startServices() {
		this.servicePorts = resolveServicePorts(this.spec.ports());
		this.managementPorts = resolveManagementPorts(this.spec.ports(), this.servicePorts);
		JavaRuntime runtime = JavaRuntime.of(this.spec.jvm().javaExecutable());
		log.info("Starting {} on Java {} ({} at a time)…", String.join(", ", modules()), runtime.version(),
				this.spec.effectiveStartupConcurrency());
		ExecutorService starters = Executors.newFixedThreadPool(this.spec.effectiveStartupConcurrency(),
				daemonThreads("mclass-start-"));
		synchronized (this) {
			if (this.closing) {
				starters.shutdown();
				throw new PlatformStartupException("Startup was interrupted: the platform is shutting down");
			}
			this.starters = starters;
		}
		CompletionService<ServiceProcess> completions = new ExecutorCompletionService<>(starters);
		List<Future<ServiceProcess>> pending = new ArrayList<>();
		try {
			for (PlatformService service : PlatformService.values()) {
				ServiceProcess.Launch launch = new ServiceProcess.Launch(service.module(), this.spec.jar(service), runtime,
						service.isOnTheHotPath() ? this.spec.jvm().forHotPath(service.hotPathHeap()) : this.spec.jvm(), environmentFor(service),
						this.servicePorts.get(service),
						this.spec.logDirectory().resolve(service.module() + ".log"), this.spec.cacheDirectory(),
						this.spec.serviceReadyTimeout(), this.managementPorts.get(service));
				pending.add(completions.submit(() -> {
					ServiceProcess process = ServiceProcess.startReady(launch, this::track);
					this.services.put(service, process);
					log.info("{} ready in {} s on {} (actuator on {}){}", service.module(), seconds(process.readyAfter()),
							serviceUrl(service), managementUrl(service), process.isFromCache() ? " (from its startup cache)" : "");
					return process;
				}));
			}
			for (int i = 0; i < pending.size(); i++) {
				completions.take().get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformStartupException("Startup was interrupted");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw new PlatformStartupException(cause.getMessage(), cause);
		}
		finally {
			// Cancels the starts still waiting when one failed; their processes are stopped by close().
			cancel(starters);
			synchronized (this) {
				if (this.starters == starters) {
					this.starters = null;
				}
			}
		}
	}

	Map<String, String> environmentFor(PlatformService service) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SERVER_PORT", String.valueOf(this.servicePorts.get(service)));
		// Actuator (probes, metrics) on its own port; the launcher waits on the readiness probe there.
		environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(this.managementPorts.get(service)));
		service.databaseSuffix().ifPresent((suffix) -> {
			environment.put("SPRING_DATASOURCE_URL", this.postgres.jdbcUrl(this.spec.database().databaseName(suffix)));
			environment.put("SPRING_DATASOURCE_USERNAME", this.postgres.user());
			environment.put("SPRING_DATASOURCE_PASSWORD", this.postgres.password());
		});
		environment.put("SPRING_DATA_REDIS_HOST", this.redis.host());
		environment.put("SPRING_DATA_REDIS_PORT", String.valueOf(this.redis.port()));
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", this.kafka.bootstrapServers());
		environment.put("SPRING_MAIL_HOST", "localhost");
		environment.put("SPRING_MAIL_PORT", String.valueOf(this.mail.smtpPort()));
		for (PlatformService other : PlatformService.values()) {
			environment.put(other.urlVariable(), serviceUrl(other).toString());
		}
		environment.put("MCLASS_MAIL_UI_URL", this.mail.apiUrl().toString());
		environment.put("MCLASS_ADMIN_EMAIL", this.spec.admin().email());
		environment.put("MCLASS_ADMIN_PASSWORD", this.spec.admin().password());
		if (service == PlatformService.AUTH && this.oauthMock != null) {
			environment.put("MCLASS_OAUTH_MOCK_URL", this.oauthMock.url().toString());
			environment.put(PlatformSpec.SOCIAL_REDIRECT_URL_VARIABLE, this.oauthMock.landingUrl().toString());
		}
		environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
		// The launcher waits on the readiness group; make sure it exists even where Boot would not enable it.
		environment.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
		environment.putAll(this.spec.serviceEnvironment(service));
		return environment;
	}

	/** Remembers a started component for close(), or stops it at once when close() has already begun. */
	private <T extends AutoCloseable> T track(T component) {
		synchronized (this) {
			if (!this.closing) {
				this.started.push(component);
				return component;
			}
		}
		closeQuietly(component);
		throw new PlatformStartupException("Startup was interrupted: the platform is shutting down");
	}

	/** {@code http://localhost:<port>} of the gateway, the platform's public entry point. */
	public URI gatewayUrl() {
		return serviceUrl(PlatformService.GATEWAY);
	}

	/** {@code http://localhost:<port>} of the mail inbox; the Mailpit-compatible API is under {@code /api/v1}. */
	public URI mailApiUrl() {
		return this.mail.apiUrl();
	}

	public URI serviceUrl(PlatformService service) {
		return URI.create("http://localhost:" + this.servicePorts.get(service));
	}

	/** {@code http://localhost:<management port>} of the service: its actuator (probes, {@code /actuator/prometheus}). */
	public URI managementUrl(PlatformService service) {
		return URI.create("http://localhost:" + this.managementPorts.get(service));
	}

	/** @param module a module name such as {@code auth-service} */
	public URI serviceUrl(String module) {
		return serviceUrl(PlatformService.ofModule(module));
	}

	/** {@code http://localhost:<port>} of the mock Google, Kakao and Naver, when this platform runs them. */
	public Optional<URI> oauthMockUrl() {
		return Optional.ofNullable(this.oauthMock).map(MockOAuthServer::url);
	}

	/**
	 * The front-end URL auth-service sends the browser to after a social login (with {@code ?code=} or {@code ?error=}):
	 * the one configured for auth-service, else the mock's landing page; empty when it is auth-service's own default.
	 */
	public Optional<URI> socialLoginRedirectUrl() {
		String configured = this.spec.serviceEnvironment(PlatformService.AUTH).get(PlatformSpec.SOCIAL_REDIRECT_URL_VARIABLE);
		if (configured != null) {
			return Optional.of(URI.create(configured));
		}
		return Optional.ofNullable(this.oauthMock).map(MockOAuthServer::landingUrl);
	}

	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	public int smtpPort() {
		return this.mail.smtpPort();
	}

	/**
	 * The JDBC URL of a service's database; the user and password are {@link #databaseUser()} and
	 * {@link #databasePassword()}.
	 */
	public String jdbcUrl(PlatformService service) {
		String suffix = service.databaseSuffix()
			.orElseThrow(() -> new IllegalArgumentException(service.module() + " has no database"));
		return this.postgres.jdbcUrl(this.spec.database().databaseName(suffix));
	}

	public String databaseUser() {
		return this.postgres.user();
	}

	public String databasePassword() {
		return this.postgres.password();
	}

	public String redisHost() {
		return this.redis.host();
	}

	public int redisPort() {
		return this.redis.port();
	}

	public PlatformSpec.Admin admin() {
		return this.spec.admin();
	}

	public PlatformSpec spec() {
		return this.spec;
	}

	/** From {@link #start} to every service ready. */
	public Duration startupTime() {
		return this.startupTime;
	}

	/** Each service's time from process start to ready. */
	public Map<PlatformService, Duration> readyTimes() {
		Map<PlatformService, Duration> times = new EnumMap<>(PlatformService.class);
		this.services.forEach((service, process) -> times.put(service, process.readyAfter()));
		return times;
	}

	public Path logFile(PlatformService service) {
		return this.spec.logDirectory().resolve(service.module() + ".log");
	}

	/** Whether the service's process is still running (a service can die after it was ready). */
	public boolean isRunning(PlatformService service) {
		ServiceProcess process = this.services.get(service);
		return process != null && process.isAlive();
	}

	/**
	 * Kills the service's JVM with SIGKILL (and whatever it started), as a crash or an OOM kill would, and returns once
	 * it is gone. Nothing else stops: the other services, the broker and the databases keep running. For fault tests;
	 * {@link #restart} brings it back.
	 * @throws IllegalStateException when the service is not running
	 */
	public void kill(PlatformService service) {
		ServiceProcess process = this.services.get(service);
		if (process == null || !process.isAlive()) {
			throw new IllegalStateException(service.module() + " is not running");
		}
		log.info("Killing {} (pid {}) with SIGKILL", service.module(), process.pid());
		process.kill();
	}

	/**
	 * Starts the service again, with the same command, environment and port as at first, its log appended to, and
	 * returns once its readiness probe answers 200. A service still running is stopped first (SIGTERM, then SIGKILL
	 * after the grace period).
	 * @return how long the new process took to become ready
	 */
	public Duration restart(PlatformService service) {
		ServiceProcess previous = this.services.get(service);
		if (previous == null) {
			throw new IllegalStateException(service.module() + " was never started");
		}
		if (previous.isAlive()) {
			ServiceProcess.stopAll(List.of(previous), STOP_GRACE);
		}
		synchronized (this) {
			this.started.remove(previous);
		}
		ServiceProcess process = ServiceProcess.restartReady(previous.launch(), this::track);
		this.services.put(service, process);
		log.info("{} ready again in {} s on {}", service.module(), seconds(process.readyAfter()), serviceUrl(service));
		return process.readyAfter();
	}

	/** The operating system's id of the service's current process. */
	public long pid(PlatformService service) {
		ServiceProcess process = this.services.get(service);
		if (process == null) {
			throw new IllegalStateException(service.module() + " was never started");
		}
		return process.pid();
	}

	/**
	 * Stops the Kafka broker (its controller, topics, records and committed offsets stay) until {@link #startKafka()}:
	 * the services' producers and consumers see a broker that is down. For fault tests.
	 */
	public void stopKafka() {
		this.kafka.stopBroker();
	}

	/** Starts the broker stopped by {@link #stopKafka()} again on the same port and log directories. */
	public void startKafka() {
		this.kafka.startBroker();
	}

	/**
	 * Makes the SMTP sink answer every new message with {@code reply} (e.g. {@code 451 4.3.0 try again later}) until
	 * {@link #acceptMail()}. For fault tests.
	 */
	public void refuseMail(String reply) {
		this.mail.refuseMail(reply);
	}

	public void acceptMail() {
		this.mail.acceptMail();
	}

	/** How many messages the SMTP sink has refused so far. */
	public long refusedMailCount() {
		return this.mail.refusedCount();
	}

	/** The end of a service's log, with its JSON events rendered for reading. */
	public String logTail(PlatformService service, int lines) {
		return LogTail.of(logFile(service), lines);
	}

	/**
	 * Stops the services (SIGTERM, up to 15 s, then SIGKILL including their descendants), then the mock OAuth2
	 * providers, the mail sink, the Kafka broker and the Redis and PostgreSQL servers this platform started. Safe to
	 * call more than once and from a shutdown hook while {@link #start} is still running.
	 */
	@Override
	public void close() {
		List<AutoCloseable> toStop;
		ExecutorService startsInProgress;
		synchronized (this) {
			this.closing = true;
			toStop = new ArrayList<>(this.started);
			this.started.clear();
			startsInProgress = this.starters;
			this.starters = null;
		}
		if (startsInProgress != null) {
			cancel(startsInProgress);
		}
		if (toStop.isEmpty()) {
			return;
		}
		List<ServiceProcess> processes = toStop.stream()
			.filter(ServiceProcess.class::isInstance)
			.map(ServiceProcess.class::cast)
			.toList();
		if (!processes.isEmpty()) {
			log.info("Stopping {}…", String.join(", ", processes.stream().map(ServiceProcess::name).toList()));
			ServiceProcess.stopAll(processes, STOP_GRACE);
			ServiceProcess.buildTrainedCaches(processes);
		}
		toStop.stream().filter((component) -> !(component instanceof ServiceProcess)).forEach(LocalPlatform::closeQuietly);
		log.info("Stopped everything");
	}

	/** Whether close() has begun (a service that exits from then on is not news). */
	synchronized boolean isClosing() {
		return this.closing;
	}

	/** One line per piece of infrastructure, saying where it is and whether this run started it. */
	List<String> infrastructureSummary() {
		return List.of(
				"PostgreSQL  " + this.postgres.host() + ":" + this.postgres.port()
						+ (this.postgres.isEmbedded() ? " (embedded, started by this run)" : " (existing server)")
						+ ", databases " + String.join(", ", databaseNames()),
				"Redis       " + this.redis.host() + ":" + this.redis.port()
						+ (this.redis.isEmbedded() ? " (embedded, started by this run)" : " (existing server)"),
				"Kafka       " + this.kafka.bootstrapServers() + " (embedded KRaft broker, topics "
						+ String.join(", ", EmbeddedKafka.EVENT_TOPICS) + " and their .DLT)",
				"SMTP        localhost:" + this.mail.smtpPort() + " (sink: nothing leaves this machine)",
				"OAuth2      " + switch (this.spec.socialProviders()) {
					case LOCAL_MOCK -> this.oauthMock.url() + " (mock Google, Kakao, Naver: issuers /google, /kakao, /naver)";
					case LIVE -> "the real Google, Kakao and Naver (profile social-live)";
					case EXTERNAL_MOCK -> "the stand-in at MCLASS_OAUTH_MOCK_URL (not started by this run)";
				});
	}

	/**
	 * Interrupts the service starts still running and waits for them to give up: an interrupted start kills the
	 * process it waits on, including a training run for a startup cache, which is tracked nowhere else.
	 */
	private static void cancel(ExecutorService starts) {
		starts.shutdownNow();
		try {
			if (!starts.awaitTermination(10, TimeUnit.SECONDS)) {
				log.warn("Service starts did not stop within 10 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void closeQuietly(AutoCloseable component) {
		try {
			component.close();
		}
		catch (Exception ex) {
			log.warn("Could not stop {}: {}", component.getClass().getSimpleName(), ex.toString());
		}
	}

	private static List<String> modules() {
		return Arrays.stream(PlatformService.values()).map(PlatformService::module).toList();
	}

	static String seconds(Duration duration) {
		return (duration != null) ? String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0) : "?";
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger counter = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
