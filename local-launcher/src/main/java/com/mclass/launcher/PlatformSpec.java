package com.mclass.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import com.mclass.launcher.oauth.SocialProviders;
import com.mclass.launcher.postgres.PostgresSettings;
import com.mclass.launcher.redis.RedisSettings;
import com.mclass.launcher.service.CdsMode;
import com.mclass.launcher.service.JvmSettings;

/**
 * Everything {@link LocalPlatform#start} needs to know. Start from {@link #localDefaults(Path)} (what
 * {@code ./mclass up} runs) or {@link #forTests(Path)} (free ports, throwaway state) and adjust with the
 * {@code with…} methods.
 *
 * @param repoRoot the repository; service jars are {@code <repoRoot>/<module>/target/<module>.jar}
 * @param ports the ports to serve on; 0 picks a free one
 * @param database the PostgreSQL to use or start, and the database names
 * @param redis the Redis to use or start
 * @param jvm how the service JVMs are started
 * @param admin the administrator account the auth service seeds
 * @param logDirectory where {@code <module>.log} of each service goes
 * @param cacheDirectory where startup caches live ({@code <repoRoot>/.mclass/cds})
 * @param serviceEnvironment extra environment variables per service, applied last (they override the launcher's)
 * @param serviceReadyTimeout how long each service may take from process start to ready
 * @param startupConcurrency how many services start at the same time; 0 for all of them at once
 * @param socialProviders where social logins go: {@link SocialProviders#LOCAL_MOCK} makes the platform start its mock
 * Google, Kakao and Naver on {@link Ports#oauthMock()}
 */
public record PlatformSpec(Path repoRoot, Ports ports, PostgresSettings database, RedisSettings redis,
		JvmSettings jvm, Admin admin, Path logDirectory, Path cacheDirectory,
		Map<PlatformService, Map<String, String>> serviceEnvironment, Duration serviceReadyTimeout,
		int startupConcurrency, SocialProviders socialProviders) {

	public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(180);

	/** auth-service's front-end URL, where the browser lands with a one-time code after a social login. */
	static final String SOCIAL_REDIRECT_URL_VARIABLE = "MCLASS_AUTH_SOCIAL_REDIRECT_URL";

	public PlatformSpec {
		repoRoot = repoRoot.toAbsolutePath().normalize();
		Map<PlatformService, Map<String, String>> copy = new EnumMap<>(PlatformService.class);
		serviceEnvironment.forEach((service, environment) -> copy.put(service, Map.copyOf(environment)));
		serviceEnvironment = Map.copyOf(copy);
	}

	/**
	 * What {@code ./mclass up} runs: the fixed well-known ports, databases {@code mclass_*}, an existing
	 * PostgreSQL/Redis if one answers (else embedded ones with data kept in {@code .mclass/postgres}), logs in
	 * {@code .mclass/logs}. Honours the launcher's environment variables ({@code MCLASS_*_PORT},
	 * {@code MCLASS_DB_*} (names: {@code MCLASS_DB_PREFIX}),
	 * {@code MCLASS_REDIS_*}, {@code MCLASS_JAVA_HOME}, {@code MCLASS_JAVA_OPTS}, {@code MCLASS_ADMIN_*}). Social
	 * logins go to the launcher's mock providers unless {@code SPRING_PROFILES_ACTIVE} has {@code social-live} or
	 * {@code MCLASS_OAUTH_MOCK_URL} names another stand-in ({@link SocialProviders#fromEnvironment}).
	 */
	public static PlatformSpec localDefaults(Path repoRoot) {
		return localDefaults(repoRoot, System.getenv());
	}

	public static PlatformSpec localDefaults(Path repoRoot, Map<String, String> environment) {
		Path state = repoRoot.toAbsolutePath().normalize().resolve(".mclass");
		String dbHost = environment.getOrDefault("MCLASS_DB_HOST", "127.0.0.1");
		int dbPort = port(environment, "MCLASS_DB_PORT", 5432);
		String redisHost = environment.getOrDefault("MCLASS_REDIS_HOST", "127.0.0.1");
		int redisPort = port(environment, "MCLASS_REDIS_PORT", 6379);
		return new PlatformSpec(repoRoot, Ports.localDefaults().overriddenBy(environment),
				new PostgresSettings(dbHost, dbPort, environment.getOrDefault("MCLASS_DB_USER", "postgres"),
						environment.getOrDefault("MCLASS_DB_PASSWORD", ""),
						environment.getOrDefault("MCLASS_DB_PREFIX", "mclass_"), true, dbPort,
						state.resolve("postgres"), false),
				new RedisSettings(redisHost, redisPort, true, redisPort), JvmSettings.fromEnvironment(environment),
				Admin.fromEnvironment(environment), state.resolve("logs"), state.resolve("cds"),
				localServiceEnvironment(environment),
				DEFAULT_READY_TIMEOUT, count(environment, "MCLASS_STARTUP_CONCURRENCY", 0),
				SocialProviders.fromEnvironment(environment));
	}

	/**
	 * For end-to-end tests: every port free-picked, fresh databases {@code mclass_systest_*} (dropped and created
	 * again on start, so no run sees another's data), an existing PostgreSQL/Redis if one answers (else embedded ones
	 * on free ports with temporary data), the same demo data and limits as a local run, logs in
	 * {@code system-tests/target/platform-logs}. Startup
	 * caches made by {@code ./mclass up --cds} are used. Social logins always go to the launcher's mock providers.
	 */
	public static PlatformSpec forTests(Path repoRoot) {
		return forTests(repoRoot, System.getenv());
	}

	public static PlatformSpec forTests(Path repoRoot, Map<String, String> environment) {
		PlatformSpec local = localDefaults(repoRoot, environment);
		return new PlatformSpec(local.repoRoot(), Ports.allFree(),
				local.database()
					// MCLASS_SYSTEST_DB_PREFIX: separate databases for runs that share one PostgreSQL at the same time
					.withDatabasePrefix(environment.getOrDefault("MCLASS_SYSTEST_DB_PREFIX", "mclass_systest_"))
					.withEmbeddedFallback(0, null)
					.withFreshDatabases(true),
				local.redis().withEmbeddedFallback(0), local.jvm(), local.admin(),
				local.repoRoot().resolve("system-tests").resolve("target").resolve("platform-logs"),
				local.cacheDirectory(), local.serviceEnvironment(), DEFAULT_READY_TIMEOUT, local.startupConcurrency(),
				SocialProviders.LOCAL_MOCK);
	}

	/**
	 * What a local platform adds to each service's configuration: class-service seeds its demo classes (something to
	 * look at), and the gateway's per-address limit on the sign-in endpoints is raised, since every local user and the
	 * rush benchmark's thousands of sign-ups come from one address; auth-service runs in the {@code local} profile
	 * (with any profiles the caller set), the only one where it accepts its development defaults. A front-end URL for social logins
	 * ({@code MCLASS_AUTH_SOCIAL_REDIRECT_URL}, e.g. a front-end's dev server) is kept over the mock's landing page.
	 */
	private static Map<PlatformService, Map<String, String>> localServiceEnvironment(Map<String, String> environment) {
		Map<PlatformService, Map<String, String>> services = new EnumMap<>(PlatformService.class);
		services.put(PlatformService.CLASS,
				Map.of("MCLASS_DEMO_DATA_ENABLED", environment.getOrDefault("MCLASS_DEMO_DATA_ENABLED", "true")));
		services.put(PlatformService.GATEWAY,
				Map.of("MCLASS_GATEWAY_RATE_LIMIT_AUTH_RATE", environment.getOrDefault("MCLASS_GATEWAY_RATE_LIMIT_AUTH_RATE", "2000"),
						"MCLASS_GATEWAY_RATE_LIMIT_AUTH_BURST",
						environment.getOrDefault("MCLASS_GATEWAY_RATE_LIMIT_AUTH_BURST", "5000")));
		Map<String, String> auth = new java.util.LinkedHashMap<>();
		// auth-service allows its development defaults (admin password, a generated signing key) only in this profile.
		auth.put("SPRING_PROFILES_ACTIVE", withLocalProfile(environment.get("SPRING_PROFILES_ACTIVE")));
		String frontEnd = environment.get(SOCIAL_REDIRECT_URL_VARIABLE);
		if (frontEnd != null && !frontEnd.isBlank()) {
			auth.put(SOCIAL_REDIRECT_URL_VARIABLE, frontEnd);
		}
		services.put(PlatformService.AUTH, Map.copyOf(auth));
		return services;
	}

	/** The profiles the caller set (e.g. {@code social-live}) plus {@code local}. */
	static String withLocalProfile(String profiles) {
		if (profiles == null || profiles.isBlank()) {
			return "local";
		}
		boolean present = java.util.Arrays.stream(profiles.split(",")).map(String::strip).anyMatch("local"::equals);
		return present ? profiles : profiles + ",local";
	}

	/** {@code <repoRoot>/<module>/target/<module>.jar}. */
	public Path jar(PlatformService service) {
		return this.repoRoot.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
	}

	public Map<String, String> serviceEnvironment(PlatformService service) {
		return this.serviceEnvironment.getOrDefault(service, Map.of());
	}

	public int effectiveStartupConcurrency() {
		return (this.startupConcurrency > 0) ? this.startupConcurrency
				: PlatformService.values().length;
	}

	public PlatformSpec withPorts(Ports ports) {
		return new PlatformSpec(this.repoRoot, ports, this.database, this.redis, this.jvm, this.admin,
				this.logDirectory, this.cacheDirectory, this.serviceEnvironment, this.serviceReadyTimeout,
				this.startupConcurrency, this.socialProviders);
	}

	public PlatformSpec withDatabase(PostgresSettings database) {
		return new PlatformSpec(this.repoRoot, this.ports, database, this.redis, this.jvm, this.admin,
				this.logDirectory, this.cacheDirectory, this.serviceEnvironment, this.serviceReadyTimeout,
				this.startupConcurrency, this.socialProviders);
	}

	public PlatformSpec withDatabasePrefix(String prefix) {
		return withDatabase(this.database.withDatabasePrefix(prefix));
	}

	/** Drop and recreate the services' databases on start instead of keeping an earlier run's data. */
	public PlatformSpec withFreshDatabases() {
		return withDatabase(this.database.withFreshDatabases(true));
	}

	public PlatformSpec withRedis(RedisSettings redis) {
		return new PlatformSpec(this.repoRoot, this.ports, this.database, redis, this.jvm, this.admin,
				this.logDirectory, this.cacheDirectory, this.serviceEnvironment, this.serviceReadyTimeout,
				this.startupConcurrency, this.socialProviders);
	}

	public PlatformSpec withJvm(JvmSettings jvm) {
		return new PlatformSpec(this.repoRoot, this.ports, this.database, this.redis, jvm, this.admin,
				this.logDirectory, this.cacheDirectory, this.serviceEnvironment, this.serviceReadyTimeout,
				this.startupConcurrency, this.socialProviders);
	}

	public PlatformSpec withJavaExecutable(Path javaExecutable) {
		return withJvm(this.jvm.withJavaExecutable(javaExecutable));
	}

	/** Appends JVM options for every service (later options win, so these override the defaults). */
	public PlatformSpec withJvmOptions(String... options) {
		return withJvm(this.jvm.withAddedOptions(options));
	}

	public PlatformSpec withCds(CdsMode cds) {
		return withJvm(this.jvm.withCds(cds));
	}

	public PlatformSpec withAdmin(String email, String password) {
		return new PlatformSpec(this.repoRoot, this.ports, this.database, this.redis, this.jvm,
				new Admin(email, password), this.logDirectory, this.cacheDirectory, this.serviceEnvironment,
				this.serviceReadyTimeout, this.startupConcurrency, this.socialProviders);
	}

	public PlatformSpec withLogDirectory(Path logDirectory) {
		return new PlatformSpec(this.repoRoot, this.ports, this.database, this.redis, this.jvm, this.admin,
				logDirectory, this.cacheDirectory, this.serviceEnvironment, this.serviceReadyTimeout,
				this.startupConcurrency, this.socialProviders);
	}

	public PlatformSpec withCacheDirectory(Path cacheDirectory) {
		return new PlatformSpec(this.repoRoot, this.ports, this.database, this.redis, this.jvm, this.admin,
				this.logDirectory, cacheDirectory, this.serviceEnvironment, this.serviceReadyTimeout,
				this.startupConcurrency, this.socialProviders);
	}

	/** Adds (or replaces) environment variables of one service; they win over what the launcher sets. */
	public PlatformSpec withServiceEnvironment(PlatformService service, Map<String, String> environment) {
		Map<PlatformService, Map<String, String>> all = new EnumMap<>(PlatformService.class);
		all.putAll(this.serviceEnvironment);
		Map<String, String> merged = new HashMap<>(serviceEnvironment(service));
		merged.putAll(environment);
		all.put(service, merged);
		return new PlatformSpec(this.repoRoot, this.ports, this.database, this.redis, this.jvm, this.admin,
				this.logDirectory, this.cacheDirectory, all, this.serviceReadyTimeout, this.startupConcurrency,
				this.socialProviders);
	}

	public PlatformSpec withServiceReadyTimeout(Duration serviceReadyTimeout) {
		return new PlatformSpec(this.repoRoot, this.ports, this.database, this.redis, this.jvm, this.admin,
				this.logDirectory, this.cacheDirectory, this.serviceEnvironment, serviceReadyTimeout,
				this.startupConcurrency, this.socialProviders);
	}

	public PlatformSpec withStartupConcurrency(int startupConcurrency) {
		return new PlatformSpec(this.repoRoot, this.ports, this.database, this.redis, this.jvm, this.admin,
				this.logDirectory, this.cacheDirectory, this.serviceEnvironment, this.serviceReadyTimeout,
				startupConcurrency, this.socialProviders);
	}

	/** Where social logins go; {@link SocialProviders#LOCAL_MOCK} starts the launcher's mock providers. */
	public PlatformSpec withSocialProviders(SocialProviders socialProviders) {
		return new PlatformSpec(this.repoRoot, this.ports, this.database, this.redis, this.jvm, this.admin,
				this.logDirectory, this.cacheDirectory, this.serviceEnvironment, this.serviceReadyTimeout,
				this.startupConcurrency, socialProviders);
	}

	private static int count(Map<String, String> environment, String variable, int fallback) {
		String value = environment.get(variable);
		try {
			return (value == null || value.isBlank()) ? fallback : Math.max(0, Integer.parseInt(value.strip()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(variable + " must be a number, not '" + value + "'");
		}
	}

	static int port(Map<String, String> environment, String variable, int fallback) {
		String value = environment.get(variable);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int port = Integer.parseInt(value.strip());
			if (port < 0 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(variable + " must be a port number (0-65535), not '" + value + "'");
		}
	}

	/**
	 * The ports the platform serves on. 0 means "any free port", resolved when the platform starts.
	 *
	 * @param services each service's HTTP port
	 * @param kafka the Kafka broker's client port
	 * @param smtp the SMTP sink
	 * @param mailUi the mail inbox and its Mailpit-compatible API
	 * @param oauthMock the mock Google, Kakao and Naver (bound only when the platform starts them)
	 */
	public record Ports(Map<PlatformService, Integer> services, int kafka, int smtp, int mailUi, int oauthMock) {

		public Ports {
			Map<PlatformService, Integer> copy = new EnumMap<>(PlatformService.class);
			for (PlatformService service : PlatformService.values()) {
				copy.put(service, services.getOrDefault(service, 0));
			}
			services = Map.copyOf(copy);
		}

		/**
		 * gateway 8080, auth 8081, class 8082, enrollment 8083, notification 8084, Kafka 9092, SMTP 1025, mail 8025,
		 * mock OAuth2 providers 8090.
		 */
		public static Ports localDefaults() {
			Map<PlatformService, Integer> services = new EnumMap<>(PlatformService.class);
			for (PlatformService service : PlatformService.values()) {
				services.put(service, service.defaultPort());
			}
			return new Ports(services, 9092, 1025, 8025, 8090);
		}

		public static Ports allFree() {
			return new Ports(Map.of(), 0, 0, 0, 0);
		}

		public int service(PlatformService service) {
			return this.services.get(service);
		}

		public Ports withService(PlatformService service, int port) {
			Map<PlatformService, Integer> changed = new EnumMap<>(this.services);
			changed.put(service, port);
			return new Ports(changed, this.kafka, this.smtp, this.mailUi, this.oauthMock);
		}

		public Ports withKafka(int kafka) {
			return new Ports(this.services, kafka, this.smtp, this.mailUi, this.oauthMock);
		}

		public Ports withSmtp(int smtp) {
			return new Ports(this.services, this.kafka, smtp, this.mailUi, this.oauthMock);
		}

		public Ports withMailUi(int mailUi) {
			return new Ports(this.services, this.kafka, this.smtp, mailUi, this.oauthMock);
		}

		public Ports withOauthMock(int oauthMock) {
			return new Ports(this.services, this.kafka, this.smtp, this.mailUi, oauthMock);
		}

		/**
		 * Applies {@code MCLASS_GATEWAY_PORT}, … {@code MCLASS_KAFKA_PORT}, {@code MCLASS_SMTP_PORT},
		 * {@code MCLASS_MAIL_UI_PORT}, {@code MCLASS_OAUTH_MOCK_PORT}.
		 */
		public Ports overriddenBy(Map<String, String> environment) {
			Map<PlatformService, Integer> services = new EnumMap<>(PlatformService.class);
			for (PlatformService service : PlatformService.values()) {
				services.put(service, port(environment, service.portVariable(), service(service)));
			}
			return new Ports(services, port(environment, "MCLASS_KAFKA_PORT", this.kafka),
					port(environment, "MCLASS_SMTP_PORT", this.smtp), port(environment, "MCLASS_MAIL_UI_PORT", this.mailUi),
					port(environment, "MCLASS_OAUTH_MOCK_PORT", this.oauthMock));
		}

	}

	/**
	 * The administrator the auth service seeds on first start.
	 */
	public record Admin(String email, String password) {

		/** DEV ONLY: well known on purpose, for a laptop. Never use outside local runs and tests. */
		public static final Admin DEV_ONLY_DEFAULT = new Admin("admin@mclass.local", "mclass-admin-dev-only");

		static Admin fromEnvironment(Map<String, String> environment) {
			return new Admin(environment.getOrDefault("MCLASS_ADMIN_EMAIL", DEV_ONLY_DEFAULT.email()),
					environment.getOrDefault("MCLASS_ADMIN_PASSWORD", DEV_ONLY_DEFAULT.password()));
		}

		public boolean isDevOnlyDefault() {
			return this.equals(DEV_ONLY_DEFAULT);
		}

	}

}
