package com.mclass.loadtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rush's result in three forms, all under {@code load-tests/target/}: {@code rush-summary.json} (everything),
 * {@code rush-summary.env} ({@code KEY=value} lines for bench-rush.sh) and {@code rush-report.txt} (the table).
 */
final class RushReport {

	/** Targets on the 2-core reference machine, load generator included. */
	static final double TARGET_ATTEMPTS_PER_SECOND = 3000;

	static final long TARGET_P99_MILLIS = 150;

	private final BenchSettings settings;

	private final RushSetup.Prepared prepared;

	private final RushRecorder.Result result;

	private final RushRecorder.Result warmup;

	private final RushSetup.Verdict verdict;

	private final String verdictFailure;

	private final CpuSnapshot.Window cpu;

	private final ServerTimings.Delta gateway;

	private final ServerTimings.Delta service;

	private final List<Check> checks = new ArrayList<>();

	record Check(String name, String expected, String actual, boolean ok) {
	}

	RushReport(BenchSettings settings, RushSetup.Prepared prepared, RushRecorder.Result result, RushRecorder.Result warmup,
			RushSetup.Verdict verdict,
			String verdictFailure, CpuSnapshot.Window cpu, ServerTimings.Delta gateway, ServerTimings.Delta service) {
		this.settings = settings;
		this.prepared = prepared;
		this.result = result;
		this.warmup = warmup;
		this.verdict = verdict;
		this.verdictFailure = verdictFailure;
		this.cpu = cpu;
		this.gateway = gateway;
		this.service = service;
		check();
	}

	private int expectedApproved() {
		return Math.min(this.settings.users(), this.settings.capacity());
	}

	private int expectedWaitlisted() {
		return Math.min(Math.max(0, this.settings.users() - this.settings.capacity()), this.settings.waitlistCapacity());
	}

	private void check() {
		long approved = expectedApproved();
		long waitlisted = expectedWaitlisted();
		if (this.verdict != null) {
			JsonNode availability = this.verdict.availability();
			expect("availability.approved", approved, availability.path("approved").asLong(-1));
			expect("availability.waitlisted", waitlisted, availability.path("waitlisted").asLong(-1));
			expect("admin list APPROVED totalElements", approved, this.verdict.adminApproved());
			expect("admin list WAITLISTED totalElements", waitlisted, this.verdict.adminWaitlisted());
			expect("admin list, all statuses, totalElements", approved + waitlisted, this.verdict.adminAll());
		}
		else {
			this.checks.add(new Check("platform's counts after the rush", "readable", String.valueOf(this.verdictFailure), false));
		}
		expect("201 APPROVED answers seen", approved, this.result.first("201 APPROVED"));
		expect("201 WAITLISTED answers seen", waitlisted, this.result.first("201 WAITLISTED"));
		expect("409 CLASS_FULL answers seen", this.settings.users() - approved - waitlisted, this.result.first("409 CLASS_FULL"));
		expect("replays answered differently", 0, this.result.replayMismatches());
		expect("5xx answers", 0, this.result.serverErrors());
		expect("requests without an answer", 0, this.result.noAnswers());
	}

	private void expect(String name, long expected, long actual) {
		this.checks.add(new Check(name, Long.toString(expected), Long.toString(actual), expected == actual));
	}

	boolean invariantsHold() {
		return this.checks.stream().allMatch(Check::ok);
	}

	long approved() {
		return (this.verdict != null) ? this.verdict.availability().path("approved").asLong(-1) : -1;
	}

	long waitlisted() {
		return (this.verdict != null) ? this.verdict.availability().path("waitlisted").asLong(-1) : -1;
	}

	void write() {
		Path dir = this.settings.outputDir();
		try {
			Files.createDirectories(dir);
			Files.writeString(dir.resolve("rush-summary.json"),
					PlatformClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json()), StandardCharsets.UTF_8);
			Files.writeString(dir.resolve("rush-summary.env"), env(), StandardCharsets.UTF_8);
			Files.writeString(dir.resolve("rush-report.txt"), text(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String env() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("RUSH_INVARIANTS_OK", invariantsHold() ? 1 : 0);
		values.put("RUSH_USERS", this.settings.users());
		values.put("RUSH_ANSWERED", this.result.answered());
		values.put("RUSH_SECONDS", String.format(Locale.ROOT, "%.3f", this.result.seconds()));
		values.put("RUSH_ATTEMPTS_PER_S", Math.round(this.result.attemptsPerSecond()));
		values.put("RUSH_P50_MS", RushRecorder.Result.percentile(this.result.allMillis(), 50));
		values.put("RUSH_P95_MS", RushRecorder.Result.percentile(this.result.allMillis(), 95));
		values.put("RUSH_P99_MS", RushRecorder.Result.percentile(this.result.allMillis(), 99));
		values.put("RUSH_MAX_MS", RushRecorder.Result.percentile(this.result.allMillis(), 100));
		values.put("RUSH_APPROVED", approved());
		values.put("RUSH_WAITLISTED", waitlisted());
		values.put("RUSH_5XX", this.result.serverErrors());
		values.put("RUSH_NO_ANSWER", this.result.noAnswers());
		values.put("RUSH_CLASS_ID", (this.prepared != null) ? this.prepared.classId() : "");
		StringBuilder text = new StringBuilder();
		values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		return text.toString();
	}

	private ObjectNode json() {
		ObjectNode root = PlatformClient.JSON.createObjectNode();
		root.put("simulation", "RushSimulation");
		root.put("finishedAt", Instant.now().toString());
		ObjectNode config = root.putObject("settings");
		config.put("baseUrl", this.settings.baseUrl().toString());
		config.put("users", this.settings.users());
		config.put("injection", this.settings.injectionDescription());
		config.put("replayShare", this.settings.replayShare());
		config.put("capacity", this.settings.capacity());
		config.put("waitlistCapacity", this.settings.waitlistCapacity());
		config.put("warmupUsers", this.settings.warmupUsers());
		config.put("warmupMillis", this.settings.warmupMillis());
		config.put("settleMillis", this.settings.settleMillis());
		if (this.prepared != null) {
			ObjectNode setup = root.putObject("setup");
			setup.put("runId", this.prepared.runId());
			setup.put("classId", this.prepared.classId());
			setup.put("seconds", this.prepared.setupSeconds());
			setup.put("registered", this.prepared.registered());
			setup.put("loggedIn", this.prepared.loggedIn());
			setup.put("rateLimitedAndRetried", this.prepared.rateLimitedDuringSetup());
			setup.put("warmupClassId", this.prepared.warmupClassId());
		}
		if (this.settings.warmupUsers() > 0) {
			ObjectNode warm = root.putObject("warmup");
			warm.set("firstOutcomes", PlatformClient.JSON.valueToTree(this.warmup.firstOutcomes()));
			warm.put("seconds", this.warmup.seconds());
			latency(warm.putObject("latencyMillis"), "all", this.warmup.allMillis());
		}
		ObjectNode rush = root.putObject("rush");
		rush.put("answered", this.result.answered());
		rush.put("sent", this.result.sent());
		rush.put("seconds", this.result.seconds());
		rush.put("attemptsPerSecond", this.result.attemptsPerSecond());
		rush.put("arrivalSeconds", this.result.arrivalSeconds());
		rush.put("startedAt", Instant.ofEpochMilli(this.result.startEpochMillis()).toString());
		rush.put("endedAt", Instant.ofEpochMilli(this.result.endEpochMillis()).toString());
		latency(rush.putObject("latencyMillis"), "all", this.result.allMillis());
		latency(rush.with("latencyMillis"), "first", this.result.firstMillis());
		latency(rush.with("latencyMillis"), "replay", this.result.replayMillis());
		rush.set("firstOutcomes", PlatformClient.JSON.valueToTree(this.result.firstOutcomes()));
		rush.set("sampleBodies", PlatformClient.JSON.valueToTree(this.result.sampleBodies()));
		rush.set("replayOutcomes", PlatformClient.JSON.valueToTree(this.result.replayOutcomes()));
		ObjectNode server = rush.putObject("serverSideMeanMillis");
		server.put("gatewayRequests", this.gateway.requests());
		server.put("gateway", this.gateway.meanMillis());
		server.put("enrollmentServiceRequests", this.service.requests());
		server.put("enrollmentService", this.service.meanMillis());
		rush.put("replayIdentical", this.result.replayIdentical());
		rush.put("replayMismatches", this.result.replayMismatches());
		rush.put("replaySkipped", this.result.replaySkipped());
		rush.put("replayFailed", this.result.replayFailed());
		rush.put("serverErrors", this.result.serverErrors());
		rush.put("noAnswers", this.result.noAnswers());
		rush.put("unexpectedStatus", this.result.unexpectedStatus());
		if (this.verdict != null) {
			ObjectNode platform = root.putObject("platform");
			platform.set("availability", this.verdict.availability());
			platform.put("adminApproved", this.verdict.adminApproved());
			platform.put("adminWaitlisted", this.verdict.adminWaitlisted());
			platform.put("adminAll", this.verdict.adminAll());
		}
		ArrayNode checkNodes = root.putArray("invariants");
		this.checks.forEach((check) -> checkNodes.addObject()
			.put("name", check.name())
			.put("expected", check.expected())
			.put("actual", check.actual())
			.put("ok", check.ok()));
		root.put("invariantsHold", invariantsHold());
		ObjectNode targets = root.putObject("targets");
		targets.put("attemptsPerSecond", TARGET_ATTEMPTS_PER_SECOND);
		targets.put("p99Millis", TARGET_P99_MILLIS);
		targets.put("attemptsPerSecondMet", this.result.attemptsPerSecond() >= TARGET_ATTEMPTS_PER_SECOND);
		targets.put("p99Met", RushRecorder.Result.percentile(this.result.allMillis(), 99) <= TARGET_P99_MILLIS);
		if (this.cpu != null) {
			ObjectNode cpuNode = root.putObject("cpu");
			cpuNode.put("windowSeconds", this.cpu.wallSeconds());
			cpuNode.put("cores", this.cpu.cores());
			cpuNode.put("busyShare", this.cpu.busyShare());
			ArrayNode usages = cpuNode.putArray("byComponent");
			this.cpu.usages()
				.forEach((usage) -> usages.addObject()
					.put("component", usage.component())
					.put("cpuSeconds", usage.cpuSeconds())
					.put("shareOfMachine", usage.shareOfMachine()));
		}
		return root;
	}

	private static void latency(ObjectNode parent, String name, long[] sorted) {
		ObjectNode node = parent.putObject(name);
		node.put("count", sorted.length);
		node.put("p50", RushRecorder.Result.percentile(sorted, 50));
		node.put("p75", RushRecorder.Result.percentile(sorted, 75));
		node.put("p95", RushRecorder.Result.percentile(sorted, 95));
		node.put("p99", RushRecorder.Result.percentile(sorted, 99));
		node.put("max", RushRecorder.Result.percentile(sorted, 100));
		node.put("mean", RushRecorder.Result.mean(sorted));
	}

	String text() {
		StringBuilder out = new StringBuilder();
		RushRecorder.Result r = this.result;
		out.append("\n== Enrollment rush ==\n");
		if (this.prepared != null) {
			out.append(String.format(Locale.ROOT, "run %s  class %s  (%d + %d places)%n", this.prepared.runId(),
					this.prepared.classId(), this.settings.capacity(), this.settings.waitlistCapacity()));
			out.append(String.format(Locale.ROOT, "setup %.0f s untimed: %d registered, %d signed in again%n", this.prepared.setupSeconds(),
					this.prepared.registered(), this.prepared.loggedIn()));
		}
		if (this.settings.warmupUsers() > 0) {
			out.append(String.format(Locale.ROOT, "warm-up (untimed, own class): %d students in %.1f s, %.0f/s, p50 %d ms, p99 %d ms: %s%n",
					this.settings.warmupUsers(), this.warmup.seconds(), this.warmup.attemptsPerSecond(),
					RushRecorder.Result.percentile(this.warmup.allMillis(), 50), RushRecorder.Result.percentile(this.warmup.allMillis(), 99),
					this.warmup.firstOutcomes()));
		}
		else {
			out.append("no warm-up: the rush meets a cold platform\n");
		}
		out.append(String.format(Locale.ROOT, "rush: %d students %s, %.0f %% retry with the same key%n", this.settings.users(),
				this.settings.injectionDescription(), this.settings.replayShare() * 100));
		out.append('\n');
		out.append(String.format(Locale.ROOT, "%-38s %10s%n", "enroll requests answered", r.answered()));
		out.append(String.format(Locale.ROOT, "%-38s %10.3f%n", "arrivals (s, first to last first attempt)", r.arrivalSeconds()));
		out.append(String.format(Locale.ROOT, "%-38s %10.3f%n", "rush duration (s, first sent→last answer)", r.seconds()));
		out.append(String.format(Locale.ROOT, "%-38s %10.0f   target ≥ %.0f: %s%n", "attempts/s", r.attemptsPerSecond(),
				TARGET_ATTEMPTS_PER_SECOND, (r.attemptsPerSecond() >= TARGET_ATTEMPTS_PER_SECOND) ? "met" : "MISSED"));
		out.append('\n');
		out.append(String.format(Locale.ROOT, "%-22s %7s %7s %7s %7s %7s %8s%n", "latency (ms)", "count", "p50", "p95", "p99", "max",
				"mean"));
		latencyRow(out, "all enroll requests", r.allMillis());
		latencyRow(out, "  first attempts", r.firstMillis());
		latencyRow(out, "  replays", r.replayMillis());
		if (this.gateway.known() || this.service.known()) {
			out.append(String.format(Locale.ROOT, "mean time (ms): client %.1f | inside the gateway %s | inside enrollment-service %s%n",
					RushRecorder.Result.mean(r.allMillis()), mean(this.gateway), mean(this.service)));
		}
		long p99 = RushRecorder.Result.percentile(r.allMillis(), 99);
		out.append(String.format(Locale.ROOT, "p99 target ≤ %d ms: %s%n", TARGET_P99_MILLIS, (p99 >= 0 && p99 <= TARGET_P99_MILLIS) ? "met" : "MISSED"));
		out.append('\n');
		out.append("first attempts by outcome\n");
		r.firstOutcomes().forEach((outcome, count) -> out.append(String.format(Locale.ROOT, "  %-34s %8d%n", outcome, count)));
		r.sampleBodies().forEach((outcome, body) -> {
			if (!outcome.startsWith("201") && !outcome.equals("409 CLASS_FULL")) {
				out.append(String.format(Locale.ROOT, "  e.g. %s: %s%n", outcome, body));
			}
		});
		out.append(String.format(Locale.ROOT,
				"replays: %d identical (status, body, Idempotent-Replayed: true), %d different, %d failed (5xx), %d not sent (first answer 5xx)%n",
				r.replayIdentical(), r.replayMismatches(), r.replayFailed(), r.replaySkipped()));
		r.replayOutcomes().forEach((outcome, count) -> out.append(String.format(Locale.ROOT, "  %-34s %8d%n", outcome, count)));
		out.append(String.format(Locale.ROOT, "5xx answers %d, no answer %d, status other than 201/409 %d%n", r.serverErrors(),
				r.noAnswers(), r.unexpectedStatus()));
		out.append('\n');
		out.append(String.format(Locale.ROOT, "%-42s %9s %9s  %s%n", "invariant", "expected", "actual", ""));
		for (Check check : this.checks) {
			out.append(String.format(Locale.ROOT, "%-42s %9s %9s  %s%n", check.name(), check.expected(), check.actual(),
					check.ok() ? "ok" : "FAILED"));
		}
		if (this.cpu != null && !this.cpu.usages().isEmpty()) {
			out.append('\n');
			out.append(String.format(Locale.ROOT, "CPU during the rush window (%.2f s × %d cores, %.0f %% busy)%n", this.cpu.wallSeconds(),
					this.cpu.cores(), this.cpu.busyShare() * 100));
			for (CpuSnapshot.Usage usage : this.cpu.usages()) {
				if (usage.shareOfMachine() >= 0.005) {
					out.append(String.format(Locale.ROOT, "  %-34s %6.2f cpu-s  %5.1f %%%n", usage.component(), usage.cpuSeconds(),
							usage.shareOfMachine() * 100));
				}
			}
		}
		return out.toString();
	}

	private static String mean(ServerTimings.Delta delta) {
		return delta.known() ? String.format(Locale.ROOT, "%.1f (%d requests)", delta.meanMillis(), Math.round(delta.requests())) : "n/a";
	}

	private static void latencyRow(StringBuilder out, String name, long[] sorted) {
		out.append(String.format(Locale.ROOT, "%-22s %7d %7d %7d %7d %7d %8.1f%n", name, sorted.length,
				RushRecorder.Result.percentile(sorted, 50), RushRecorder.Result.percentile(sorted, 95),
				RushRecorder.Result.percentile(sorted, 99), RushRecorder.Result.percentile(sorted, 100),
				RushRecorder.Result.mean(sorted)));
	}

}
