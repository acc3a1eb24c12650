package com.mclass.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.mclass.launcher.oauth.SocialProviders;
import com.mclass.launcher.service.CdsMode;

/**
 * {@code ./mclass}: the developer's entry point. The bash script builds what is stale and then runs this class
 * with {@code exec}, so Ctrl-C and SIGTERM reach this JVM and its shutdown hook stops everything.
 */
public final class MclassCli {

	private static final String USAGE = """
			Usage: ./mclass <command> [options]

			Commands:
			  up [--cds|--train|--no-cds] [--fresh] [--verbose]
			                           Build what is stale, then run the whole platform in the foreground:
			                           PostgreSQL, Redis, Kafka, a mail sink, mock Google/Kakao/Naver and
			                           the five services. Ctrl-C stops everything.
			                           Services start from their startup caches in .mclass/cds/ (JDK 25 AOT
			                           caches); a service without one records this session and gets its cache
			                           when the platform stops (once per build of its jar: that stop takes a
			                           minute longer). Later starts are ready in about half the time and begin
			                           with the JIT's profiles of what was run (load-tests/README.md).
			      --cds                Instead, create missing caches before starting (a training start per
			                           service, up to the end of its startup): caches from the first start on.
			      --train              Record this session even where a cache exists, and rebuild the caches
			                           from it on stop: e.g. train them on ./mclass bench.
			      --no-cds             Neither use nor create startup caches.
			      --fresh              Drop and recreate the four databases first (all their data is lost), e.g.
			                           after a migration was edited.
			      --verbose            Show the launcher's and the infrastructure's debug logging.
			  bench                    The benchmark suite: run by the ./mclass script (./mclass help), not here.
			  help                     This text.

			Environment:
			  MCLASS_GATEWAY_PORT, MCLASS_AUTH_PORT, MCLASS_CLASS_PORT, MCLASS_ENROLLMENT_PORT,
			  MCLASS_NOTIFICATION_PORT, MCLASS_KAFKA_PORT, MCLASS_SMTP_PORT, MCLASS_MAIL_UI_PORT
			                           Ports (defaults 8080-8084, 9092, 1025, 8025).
			  MCLASS_GATEWAY_MANAGEMENT_PORT, ... MCLASS_NOTIFICATION_MANAGEMENT_PORT
			                           Actuator ports (defaults 9080-9084; free ones when only the
			                           service's port is moved).
			  MCLASS_OAUTH_MOCK_PORT   The mock social-login providers (default 8090).
			  SPRING_PROFILES_ACTIVE=social-live with MCLASS_{GOOGLE,KAKAO,NAVER}_CLIENT_ID and _CLIENT_SECRET
			                           Real providers instead of the mock (which then is not started);
			                           MCLASS_OAUTH_MOCK_URL: a stand-in of your own instead.
			  MCLASS_AUTH_SOCIAL_REDIRECT_URL
			                           Where a social login ends (default: the mock's page showing the code).
			  MCLASS_DB_HOST, MCLASS_DB_PORT, MCLASS_DB_USER, MCLASS_DB_PASSWORD
			                           PostgreSQL to use (default postgres@127.0.0.1:5432; an embedded one is
			                           started when none answers, with its data in .mclass/postgres).
			  MCLASS_DB_PREFIX         Database names (default mclass_ → mclass_auth, …).
			  MCLASS_REDIS_HOST, MCLASS_REDIS_PORT
			                           Redis to use (default 127.0.0.1:6379; embedded when none answers).
			  MCLASS_JAVA_HOME         JDK for the services (default: Java 25 if installed, else the launcher's).
			  MCLASS_JAVA_OPTS         Extra JVM options for every service, appended to the defaults.
			  MCLASS_STARTUP_CONCURRENCY
			                           How many services start at once (default: all five).
			  MCLASS_ADMIN_EMAIL, MCLASS_ADMIN_PASSWORD
			                           The seeded administrator (dev-only default admin@mclass.local).

			Logs: .mclass/logs/<service>.log (JSON, one event per line).
			""";

	private MclassCli() {
	}

	public static void main(String[] args) {
		List<String> arguments = List.of(args);
		String command = arguments.isEmpty() ? "help" : arguments.get(0);
		switch (command) {
			case "up" -> System.exit(up(arguments.subList(1, arguments.size())));
			case "bench" -> {
				System.err.println("The benchmarks run from the ./mclass script: ./mclass bench --help");
				System.exit(2);
			}
			case "help", "-h", "--help" -> System.out.print(USAGE);
			default -> {
				System.err.println("Unknown command '" + command + "'.\n");
				System.err.print(USAGE);
				System.exit(64);
			}
		}
	}

	private static int up(List<String> options) {
		CdsMode cds = CdsMode.USE_OR_TRAIN;
		boolean fresh = false;
		boolean verbose = false;
		Path repoRoot = Path.of(System.getenv().getOrDefault("MCLASS_REPO_ROOT", "."));
		for (int i = 0; i < options.size(); i++) {
			switch (options.get(i)) {
				case "--cds" -> cds = CdsMode.CREATE;
				case "--train" -> cds = CdsMode.TRAIN;
				case "--no-cds" -> cds = CdsMode.OFF;
				case "--fresh" -> fresh = true;
				case "--verbose", "-v" -> verbose = true;
				case "--repo" -> repoRoot = Path.of(options.get(++i));
				default -> {
					System.err.println("Unknown option '" + options.get(i) + "' for up.\n");
					System.err.print(USAGE);
					return 64;
				}
			}
		}
		configureLogging(verbose);
		if (!Files.isRegularFile(repoRoot.resolve("pom.xml"))) {
			System.err.println("✗ " + repoRoot.toAbsolutePath().normalize() + " is not the MClass repository (no pom.xml);"
					+ " run ./mclass from the repository root.");
			return 1;
		}
		PlatformSpec spec;
		try {
			spec = PlatformSpec.localDefaults(repoRoot).withCds(cds);
			if (fresh) {
				spec = spec.withFreshDatabases();
			}
		}
		catch (IllegalArgumentException ex) {
			System.err.println("✗ " + ex.getMessage());
			return 1;
		}
		List<String> unusedCredentials = SocialProviders.unusedCredentials(System.getenv());
		if (!unusedCredentials.isEmpty()) {
			System.err.println("⚠ " + String.join(", ", unusedCredentials) + " set, but social logins go to a mock"
					+ " until SPRING_PROFILES_ACTIVE includes social-live (then the real providers are used).");
		}
		LocalPlatform platform = new LocalPlatform(spec);
		Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "mclass-shutdown"));
		try {
			platform.boot();
		}
		catch (PlatformStartupException ex) {
			System.err.println();
			System.err.println("✗ " + ex.getMessage());
			return 1;
		}
		printSummary(platform, System.out);
		watchUntilStopped(platform);
		return 0;
	}

	/**
	 * The launcher's own logging, set up before the first logger exists: progress lines on the console and the
	 * infrastructure (Kafka, GreenMail, zonky) kept to warnings (Kafka to errors) unless {@code --verbose}. Done
	 * with system properties so that the library use of this module (system-tests) keeps its own logging setup.
	 */
	private static void configureLogging(boolean verbose) {
		System.setProperty("logback.configurationFile", "mclass-cli-logback.xml");
		System.setProperty("mclass.log.level", verbose ? "DEBUG" : "INFO");
		System.setProperty("mclass.infrastructure.log.level", verbose ? "INFO" : "WARN");
		System.setProperty("mclass.kafka.log.level", verbose ? "INFO" : "ERROR");
	}

	static void printSummary(LocalPlatform platform, PrintStream out) {
		PlatformSpec spec = platform.spec();
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add("MClass is up (all services ready in " + LocalPlatform.seconds(platform.startupTime()) + " s)");
		lines.add("");
		lines.add("  Gateway      " + platform.gatewayUrl());
		lines.add("  Swagger UI   " + platform.gatewayUrl() + "/swagger-ui.html");
		lines.add("  Mail inbox   " + platform.mailApiUrl() + "   (Mailpit API: " + platform.mailApiUrl()
				+ "/api/v1/messages)");
		lines.add("  Admin login  " + spec.admin().email() + " / " + spec.admin().password()
				+ (spec.admin().isDevOnlyDefault() ? "   (DEV ONLY default — set MCLASS_ADMIN_EMAIL / MCLASS_ADMIN_PASSWORD)"
						: ""));
		lines.add("  Social login " + socialLogin(platform));
		lines.add("");
		for (PlatformService service : PlatformService.values()) {
			lines.add(String.format("  %-21s %s   ready after %s s", service.module(), platform.serviceUrl(service),
					LocalPlatform.seconds(platform.readyTimes().get(service))));
		}
		lines.add("");
		platform.infrastructureSummary().forEach((line) -> lines.add("  " + line));
		lines.add("");
		lines.add("  Logs         " + spec.logDirectory() + "/<service>.log");
		lines.add("");
		lines.add("Press Ctrl-C to stop everything.");
		lines.forEach(out::println);
	}

	private static String socialLogin(LocalPlatform platform) {
		String start = platform.gatewayUrl() + "/api/auth/kakao";
		return switch (platform.spec().socialProviders()) {
			case LOCAL_MOCK -> "open " + start + " (or /google, /naver) in a browser and sign in as anyone:\n"
					+ "               mock providers on " + platform.oauthMockUrl().map(Object::toString).orElse("?")
					+ ", the one-time code lands on " + platform.socialLoginRedirectUrl().map(Object::toString).orElse("?");
			case LIVE -> "open " + start + " (or /google, /naver): the real providers (profile social-live)";
			case EXTERNAL_MOCK -> "open " + start + " (or /google, /naver): providers at MCLASS_OAUTH_MOCK_URL";
		};
	}

	/** Runs until the JVM is told to stop; says so (once) when a service dies on its own in the meantime. */
	private static void watchUntilStopped(LocalPlatform platform) {
		Set<PlatformService> reported = EnumSet.noneOf(PlatformService.class);
		while (true) {
			try {
				Thread.sleep(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			for (PlatformService service : PlatformService.values()) {
				if (platform.isClosing()) {
					return;
				}
				if (!platform.isRunning(service) && reported.add(service)) {
					System.err.println();
					System.err.println("✗ " + service.module() + " stopped on its own. The others keep running; Ctrl-C"
							+ " stops everything. Last lines of " + platform.logFile(service) + ":");
					System.err.println(platform.logTail(service, 30));
				}
			}
		}
	}

}
