package com.mclass.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.mclass.launcher.LocalPlatform;
import com.mclass.launcher.PlatformService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules and dashboards query the names listed in {@code observability/metrics-exposed.txt}; this checks
 * that the running services really expose every one of them, so a renamed metric breaks the build instead of a
 * dashboard. Names registered on first use ({@code lazy}) are checked after a scenario that uses them; names that need
 * a setting ({@code env:NAME=VALUE}) are checked on this platform, which runs with those settings as every deployment
 * does (system-tests/pom.xml passes them to the services).
 */
@ExtendWith(RunningPlatform.class)
class MetricsSystemTests {

	@Test
	void everyMetricTheDashboardsAndAlertsQueryIsExposed(LocalPlatform platform, Gateway gateway) throws IOException {
		exerciseWhatRegistersTheLazyMetrics(gateway);
		Path list = Path.of("").toAbsolutePath().getParent().resolve("observability").resolve("metrics-exposed.txt");
		List<String[]> entries = new ArrayList<>();
		for (String line : Files.readAllLines(list)) {
			String entry = line.replaceFirst("#.*", "").trim();
			if (!entry.isEmpty()) {
				entries.add(entry.split("\\s+"));
			}
		}
		for (String[] columns : entries) {
			for (String flag : List.of(columns).subList(2, columns.length)) {
				if (flag.startsWith("env:")) {
					String[] setting = flag.substring(4).split("=", 2);
					assertThat(System.getenv(setting[0])).as("%s needs %s=%s for the platform under test (run through Maven: "
							+ "system-tests/pom.xml sets it)", columns[0], setting[0], setting[1]).isEqualTo(setting[1]);
				}
			}
		}
		// Emails are sent a moment after their events: look again until the lazy names have appeared (or time is up).
		List<String> missing = missing(platform, entries);
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (!missing.isEmpty() && System.nanoTime() < deadline) {
			sleep();
			missing = missing(platform, entries);
		}
		assertThat(missing).isEmpty();
		assertThat(entries).as("entries checked").hasSizeGreaterThanOrEqualTo(40);
	}

	private static List<String> missing(LocalPlatform platform, List<String[]> entries) {
		Map<String, String> scrapes = new HashMap<>();
		List<String> missing = new ArrayList<>();
		for (String[] columns : entries) {
			if (List.of(columns).contains("dead-letter")) {
				continue; // registered by the first dead letter only (see metrics-exposed.txt); promtool tests its rule
			}
			for (String module : columns[1].split(",")) {
				if (Arrays.stream(PlatformService.values()).noneMatch((service) -> service.module().equals(module))) {
					continue; // Prometheus's own series and exporters beside the platform (redis-exporter, kube-state-metrics)
				}
				String scrape = scrapes.computeIfAbsent(module, (name) -> new Gateway(platform.managementUrl(PlatformService.ofModule(name)))
					.get("/actuator/prometheus", Map.of())
					.body());
				if (!scrape.contains("\n" + columns[0] + "{") && !scrape.contains("\n" + columns[0] + " ")) {
					missing.add(columns[0] + " on " + module);
				}
			}
		}
		return missing;
	}

	/**
	 * A sign-up (welcome email: the sender's timer), a class and an enrollment (enrollment attempts), the admin
	 * dashboard (remote calls through circuit breakers), all routed by the gateway (its request timers) with tokens
	 * checked against Redis (Lettuce's command timers).
	 */
	private static void exerciseWhatRegistersTheLazyMetrics(Gateway gateway) {
		JsonNode student = Accounts.registerStudent(gateway, "지표 확인");
		String admin = Accounts.adminToken(gateway);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Gateway.Reply created = gateway.post("/api/mclasses", """
				{"title":"지표 클래스 %s","capacity":3,"recruitStartAt":"%s","recruitEndAt":"%s","startAt":"%s","endAt":"%s"}"""
			.formatted(UUID.randomUUID(), now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS),
					now.plus(3, ChronoUnit.DAYS)), Gateway.bearer(admin));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Map<String, String> headers = new HashMap<>(Gateway.bearer(student.path("accessToken").asString()));
		headers.put("Idempotency-Key", UUID.randomUUID().toString());
		Gateway.Reply enrolled = gateway.post("/api/mclasses/" + created.json().path("data").path("id").asString() + "/enrollments",
				"{\"answers\":{}}", headers);
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		assertThat(gateway.get("/api/admin/dashboard", Gateway.bearer(admin)).status()).isEqualTo(200);
	}

	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
