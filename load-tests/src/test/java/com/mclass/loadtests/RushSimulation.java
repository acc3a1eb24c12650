package com.mclass.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The enrollment rush (수강신청): thousands of signed-up students press "enroll" on one first-come class at the same
 * moment, through the gateway.
 * <ol>
 * <li>{@link #before()} (untimed): admin login, a fresh rush class (200 seats + 100 waitlist by default, first come,
 * no form, recruiting now) and a warm-up class, both waited for until enrollment-service knows them, one token per
 * student (cached credentials logged in, the rest registered).</li>
 * <li>Warm-up (untimed, its own class): the same requests as the rush, at a moderate pace, through this same Gatling
 * engine, so that the rush meets JIT-compiled code on both sides (platform and load generator), filled pools and
 * loaded caches — as a real rush meets a platform that served the students browsing before it. Then a pause to let
 * the asynchronous work it caused (events, emails) settle.</li>
 * <li>The rush: every student sends {@code POST /api/mclasses/{id}/enrollments} with {@code {"answers":{}}} and an
 * Idempotency-Key of their own, all at once or evenly over a short ramp; a share of them sends the same request
 * again with the same key and must get the same status and body back, marked {@code Idempotent-Replayed: true}. A
 * first answer must be 201 or 409.</li>
 * <li>{@link #after()}: the class's availability and the admin list must show exactly the seats and waitlist places
 * handed out; the summary (attempts/s, percentiles, outcomes, invariants, server-side times, where the CPU went) goes
 * to {@code target/rush-summary.json}, {@code target/rush-summary.env} and {@code target/rush-report.txt}.</li>
 * </ol>
 * Run it with {@code ./mclass bench rush} (which also runs pgbench and prints the table), or alone with
 * {@code ./mvnw -q -B -f load-tests/pom.xml gatling:test -Dgatling.simulationClass=com.mclass.loadtests.RushSimulation -Dusers=500}.
 * Settings: {@link BenchSettings}.
 */
public class RushSimulation extends Simulation {

	private static final String ENROLL_BODY = "{\"answers\":{}}";

	private final BenchSettings settings = BenchSettings.fromSystemProperties();

	private final RushRecorder recorder = new RushRecorder(this.settings.users());

	private final RushRecorder warmupRecorder = new RushRecorder(Math.max(1, this.settings.warmupUsers()));

	private volatile RushSetup.Prepared prepared;

	private volatile CpuSnapshot cpuAtStart;

	private volatile ServerTimings gatewayAtStart = ServerTimings.NONE;

	private volatile ServerTimings serviceAtStart = ServerTimings.NONE;

	private final HttpProtocolBuilder protocol = http.baseUrl(this.settings.baseUrl().toString())
		.disableWarmUp() // its default target is on the internet; this machine talks to itself only
		.disableCaching()
		.acceptHeader("application/json")
		.acceptLanguageHeader("en")
		.userAgentHeader("mclass-rush/1 (gatling)");

	public RushSimulation() {
		// Every student of a phase is started at once and waits for its own moment (arrivalMillis, from the feeder):
		// Gatling's rampUsers(...).during(...) counts whole seconds (a 167 ms ramp injects nobody, 1,667 ms becomes 1 s).
		ScenarioBuilder rush = scenario("rush").feed(new Students(false))
			.pause((session) -> Duration.ofMillis(session.getLong("arrivalMillis")))
			.exec(enroll("enroll", (session) -> this.prepared.classId(), this.recorder));
		ScenarioBuilder start = scenario("rush start")
			.pause(Duration.ofMillis((this.settings.warmupUsers() > 0) ? this.settings.settleMillis() : 0))
			.exec((session) -> {
				startOfRush();
				return session;
			});
		PopulationBuilder rushPhase = start.injectOpen(atOnceUsers(1)).andThen(rush.injectOpen(atOnceUsers(this.settings.users())));
		PopulationBuilder all = rushPhase;
		if (this.settings.warmupUsers() > 0) {
			ScenarioBuilder warmup = scenario("warm-up").feed(new Students(true))
				.pause((session) -> Duration.ofMillis(session.getLong("arrivalMillis")))
				.exec(enroll("warm-up enroll", (session) -> this.prepared.warmupClassId(), this.warmupRecorder));
			all = warmup.injectOpen(atOnceUsers(this.settings.warmupUsers())).andThen(rushPhase);
		}
		setUp(all).protocols(this.protocol)
			// bounded in time whatever happens: warm-up and rush take seconds
			.maxDuration(Duration.ofMinutes(10));
	}

	/** One student's enroll request, and for the students who retry the same request again under the same key. */
	private static ChainBuilder enroll(String name, Function<Session, String> classId, RushRecorder recorder) {
		Function<Session, String> path = (session) -> "/api/mclasses/" + classId.apply(session) + "/enrollments";
		return exec((session) -> {
			recorder.sending();
			return session;
		}).exec(http(name).post(path)
			.header("Authorization", "Bearer #{token}")
			.header("Idempotency-Key", "#{key}")
			.header("Content-Type", "application/json")
			.body(StringBody(ENROLL_BODY))
			.check(status().saveAs("status"), bodyString().saveAs("body"), responseTimeInMillis().saveAs("millis"),
					jsonPath("$.data.status").optional().saveAs("placement"), jsonPath("$.error.code").optional().saveAs("code"),
					status().in(201, 409)))
			.exec((session) -> {
				recorder.first(integer(session, "status"), string(session, "placement"), string(session, "code"),
						integer(session, "millis"), string(session, "body"));
				return session;
			})
			.doIf((session) -> session.getBoolean("replay"))
			.then(doIfOrElse((session) -> isStored(integer(session, "status"))).then(exec(http(name + " replay").post(path)
				.header("Authorization", "Bearer #{token}")
				.header("Idempotency-Key", "#{key}")
				.header("Content-Type", "application/json")
				.body(StringBody(ENROLL_BODY))
				.check(status().saveAs("replayStatus"), bodyString().saveAs("replayBody"),
						header("Idempotent-Replayed").optional().saveAs("replayedHeader"),
						responseTimeInMillis().saveAs("replayMillis"), jsonPath("$.data.status").optional().saveAs("replayPlacement"),
						jsonPath("$.error.code").optional().saveAs("replayCode"), status().is((session) -> session.getInt("status")),
						bodyString().is((session) -> session.getString("body")), header("Idempotent-Replayed").is("true")))
				.exec((session) -> {
					boolean identical = session.contains("replayStatus") && session.getInt("replayStatus") == session.getInt("status")
							&& session.getString("body").equals(session.getString("replayBody"))
							&& "true".equalsIgnoreCase(string(session, "replayedHeader"));
					recorder.replay(integer(session, "replayStatus"), string(session, "replayPlacement"), string(session, "replayCode"),
							integer(session, "replayMillis"), identical);
					return session;
				})).orElse(exec((session) -> {
					recorder.replaySkipped();
					return session;
				})));
	}

	@Override
	public void before() {
		try (RushSetup setup = new RushSetup(this.settings)) {
			this.prepared = setup.prepare();
		}
		if (this.settings.warmupUsers() > 0) {
			RushSetup.log("Warm-up: " + this.settings.warmupUsers() + " students over " + this.settings.warmupMillis()
					+ " ms on the warm-up class, then at least " + this.settings.settleMillis() + " ms and until emails and events are sent");
		}
		RushSetup.log("Rush: " + this.settings.users() + " students " + this.settings.injectionDescription() + ", "
				+ Math.round(this.settings.replayShare() * 100) + " % retry with the same Idempotency-Key");
	}

	/**
	 * Between warm-up and rush: wait until the platform has sent what the warm-up caused, then note what it had done so
	 * far, to subtract afterwards. Blocks the one virtual user that is active at this moment, nothing else.
	 */
	private void startOfRush() {
		if (this.settings.warmupUsers() > 0) {
			RushSetup.log("Warm-up " + this.warmupRecorder.result().firstOutcomes());
			try (RushSetup setup = new RushSetup(this.settings)) {
				setup.awaitQuiet("after the warm-up");
			}
		}
		RushSetup.log("Rush starts");
		this.gatewayAtStart = ServerTimings.scrape(gatewayPrometheus(), false);
		this.serviceAtStart = ServerTimings.scrape(this.settings.enrollmentActuator(), true);
		this.cpuAtStart = CpuSnapshot.take();
	}

	@Override
	public void after() {
		CpuSnapshot cpuAtEnd = CpuSnapshot.take();
		RushRecorder.Result result = this.recorder.result();
		ServerTimings.Delta gateway = ServerTimings.between(this.gatewayAtStart, ServerTimings.scrape(gatewayPrometheus(), false));
		ServerTimings.Delta service = ServerTimings.between(this.serviceAtStart,
				ServerTimings.scrape(this.settings.enrollmentActuator(), true));
		RushSetup.Verdict verdict = null;
		String verdictFailure = null;
		if (this.prepared != null) {
			try (RushSetup setup = new RushSetup(this.settings)) {
				verdict = setup.verdict(this.prepared.classId());
			}
			catch (RuntimeException ex) {
				verdictFailure = ex.getMessage();
			}
		}
		CpuSnapshot.Window cpu = (this.cpuAtStart != null) ? CpuSnapshot.between(this.cpuAtStart, cpuAtEnd) : null;
		RushReport report = new RushReport(this.settings, this.prepared, result, this.warmupRecorder.result(), verdict,
				verdictFailure, cpu, gateway, service);
		report.write();
		System.out.println(report.text());
	}

	/** The gateway's actuator is on its management port, not behind {@code baseUrl} ({@code -DgatewayActuator=...}). */
	private URI gatewayPrometheus() {
		String managementPort = System.getenv().getOrDefault("MCLASS_GATEWAY_MANAGEMENT_PORT", "9080");
		return URI.create(System.getProperty("gatewayActuator", "http://localhost:" + managementPort + "/actuator/prometheus"));
	}

	/** Only answers the service keeps with the key are replayed: 201 and the business refusals (409). */
	private static boolean isStored(Integer status) {
		return status != null && (status == 201 || status == 409);
	}

	private static Integer integer(Session session, String name) {
		return session.contains(name) ? session.getInt(name) : null;
	}

	private static String string(Session session, String name) {
		return session.contains(name) ? session.getString(name) : null;
	}

	/**
	 * One record per student, in order: token, own Idempotency-Key, arrival offset, and whether this student retries.
	 * Reads the students lazily: they exist only once {@link #before()} ran, after this simulation was built.
	 */
	private final class Students implements Iterator<Map<String, Object>> {

		private final boolean warmup;

		private final AtomicInteger next = new AtomicInteger();

		Students(boolean warmup) {
			this.warmup = warmup;
		}

		@Override
		public boolean hasNext() {
			return this.next.get() < count();
		}

		@Override
		public Map<String, Object> next() {
			int index = this.next.getAndIncrement();
			if (index >= count()) {
				throw new NoSuchElementException("More virtual users than students");
			}
			BenchSettings settings = RushSimulation.this.settings;
			double share = settings.replayShare();
			// spread the retrying students evenly: student i retries when i·share crosses an integer
			boolean replay = Math.floor((index + 1) * share) > Math.floor(index * share);
			long span = this.warmup ? settings.warmupMillis() : (settings.atOnce() ? 0 : settings.rampMillis());
			long arrival = Math.round((double) index * span / count());
			String key = (this.warmup ? "warmup-" : "rush-") + RushSimulation.this.prepared.runId() + "-" + index;
			return Map.of("token", students().get(index).accessToken(), "key", key, "replay", replay, "arrivalMillis", arrival);
		}

		private int count() {
			return this.warmup ? Math.min(RushSimulation.this.settings.warmupUsers(), students().size()) : students().size();
		}

		private List<BenchUsers.Student> students() {
			RushSetup.Prepared ready = RushSimulation.this.prepared;
			if (ready == null) {
				throw new IllegalStateException("The rush started without its setup");
			}
			return ready.students();
		}

	}

}
