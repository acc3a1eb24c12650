package com.mclass.loadtests;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What one rush looks like, read from system properties (the Gatling Maven plugin forwards {@code -Dname=value} from
 * the command line to the simulation's JVM). Every value has a default, so a bare run is the reference rush.
 *
 * @param baseUrl the gateway ({@code baseUrl}, default {@code http://localhost:8080})
 * @param users students in the rush, each enrolling once ({@code users}, default 5000)
 * @param replayShare share of students who send their request again with the same Idempotency-Key
 *     ({@code replayShare}, default 0.10)
 * @param injection {@code ramp}: the students arrive evenly over {@code rampMillis}; {@code atOnce}: all at the same
 *     instant ({@code injection}, default {@code ramp})
 * @param rampMillis length of the ramp ({@code rampMillis}; default: {@code users} at {@code targetRate} per second)
 * @param targetRate arrival rate the default ramp offers, per second ({@code targetRate}, default 3000)
 * @param capacity seats of the rush class ({@code capacity}, default 200)
 * @param waitlistCapacity waitlist places of the rush class ({@code waitlistCapacity}, default 100)
 * @param warmupUsers students who first enroll in a separate warm-up class, untimed, through the same Gatling engine,
 *     so that the rush meets warm JVMs as a real one would ({@code warmup}, default {@code min(users, 1000)}; 0 = rush
 *     a cold platform)
 * @param warmupMillis how long the warm-up's arrivals are spread over ({@code warmupMillis}; default: 400 students/s)
 * @param settleMillis least pause between warm-up and rush ({@code settleMillis}, default 2000)
 * @param quietTimeoutMillis longest wait, after setup and after the warm-up, for the platform to have sent every
 *     email and event those caused ({@code quietTimeoutMillis}, default 180000)
 * @param setupConcurrency parallel requests while registering, logging in and warming up ({@code setupConcurrency},
 *     default 6)
 * @param usersCsv cache of created students' credentials ({@code usersCsv}, default
 *     {@code load-tests/target/bench-users.csv})
 * @param outputDir where the summary files go ({@code load-tests/target})
 * @param adminEmail the seeded admin ({@code MCLASS_ADMIN_EMAIL}, else {@code admin@mclass.local})
 * @param adminPassword its password ({@code MCLASS_ADMIN_PASSWORD}, else the dev-only default)
 * @param requestTimeout timeout of one setup request
 * @param enrollmentActuator enrollment-service's Prometheus endpoint, for its server-side time
 *     ({@code enrollmentActuator}, default {@code http://localhost:${MCLASS_ENROLLMENT_MANAGEMENT_PORT:-9083}/actuator/prometheus}:
 *     actuator listens on the management port only)
 */
public record BenchSettings(URI baseUrl, int users, double replayShare, String injection, long rampMillis, int targetRate,
		int capacity, int waitlistCapacity, int warmupUsers, long warmupMillis, long settleMillis, long quietTimeoutMillis, int setupConcurrency, Path usersCsv, Path outputDir, String adminEmail,
		String adminPassword, Duration requestTimeout, URI enrollmentActuator) {

	public static BenchSettings fromSystemProperties() {
		Path target = Path.of(property("load-tests.target", "target")).toAbsolutePath().normalize();
		int users = intProperty("users", 5000);
		int targetRate = intProperty("targetRate", 3000);
		String injection = property("injection", "ramp").toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
		if (!injection.equals("ramp") && !injection.equals("atonce")) {
			throw new IllegalArgumentException("injection must be 'ramp' or 'atOnce', not '" + injection + "'");
		}
		long defaultRamp = Math.max(1, Math.round(users * 1000.0 / Math.max(1, targetRate)));
		double replayShare = Double.parseDouble(property("replayShare", "0.10"));
		int warmup = Math.min(users, intProperty("warmup", 1000));
		if (replayShare < 0 || replayShare > 1) {
			throw new IllegalArgumentException("replayShare must be between 0 and 1");
		}
		return new BenchSettings(URI.create(stripSlash(property("baseUrl", "http://localhost:8080"))), users, replayShare,
				injection, longProperty("rampMillis", defaultRamp), targetRate, intProperty("capacity", 200),
				intProperty("waitlistCapacity", 100), warmup, longProperty("warmupMillis", Math.round(warmup * 1000.0 / 150)),
				longProperty("settleMillis", 2000), longProperty("quietTimeoutMillis", 180_000),
				intProperty("setupConcurrency", 6), Path.of(property("usersCsv", target.resolve("bench-users.csv").toString())),
				target, env("MCLASS_ADMIN_EMAIL", "admin@mclass.local"), env("MCLASS_ADMIN_PASSWORD", "mclass-admin-dev-only"),
				Duration.ofSeconds(30), URI.create(property("enrollmentActuator",
						"http://localhost:" + env("MCLASS_ENROLLMENT_MANAGEMENT_PORT", "9083") + "/actuator/prometheus")));
	}

	public boolean atOnce() {
		return this.injection.equals("atonce");
	}

	/** How the rush is injected, for the report. */
	public String injectionDescription() {
		return atOnce() ? "all at once"
				: "evenly over " + this.rampMillis + " ms (" + Math.round(this.users * 1000.0 / this.rampMillis) + " arrivals/s)";
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static String property(String name, String fallback) {
		String value = System.getProperty(name);
		return (value == null || value.isBlank()) ? fallback : value.trim();
	}

	private static int intProperty(String name, int fallback) {
		return Integer.parseInt(property(name, Integer.toString(fallback)));
	}

	private static long longProperty(String name, long fallback) {
		return Long.parseLong(property(name, Long.toString(fallback)));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
