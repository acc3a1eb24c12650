package com.mclass.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mclass.launcher.LocalPlatform;
import com.mclass.launcher.PlatformService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules and dashboards query the names listed in {@code observability/metrics-exposed.txt}; this checks
 * the running services really expose them, so a renamed metric breaks the build instead of a dashboard. Names that
 * appear only after first use ({@code lazy}) or only with a setting ({@code env:}) are left to the scenarios.
 */
@ExtendWith(RunningPlatform.class)
class MetricsSystemTests {

	@Test
	void everyMetricTheDashboardsAndAlertsQueryIsExposed(LocalPlatform platform) throws IOException {
		Path list = Path.of("").toAbsolutePath().getParent().resolve("observability").resolve("metrics-exposed.txt");
		List<String> missing = new ArrayList<>();
		for (String line : Files.readAllLines(list)) {
			String entry = line.replaceFirst("#.*", "").trim();
			if (entry.isEmpty()) {
				continue;
			}
			String[] columns = entry.split("\\s+");
			boolean conditional = List.of(columns).subList(2, columns.length).stream()
				.anyMatch((flag) -> flag.equals("lazy") || flag.startsWith("env:"));
			if (conditional) {
				continue;
			}
			for (String module : columns[1].split(",")) {
				if (Arrays.stream(PlatformService.values()).noneMatch((service) -> service.module().equals(module))) {
					continue; // Prometheus's own series and exporters beside the platform (redis-exporter, kube-state-metrics)
				}
				String scrape = new Gateway(platform.managementUrl(PlatformService.ofModule(module))).get("/actuator/prometheus", Map.of())
					.body();
				if (!scrape.contains("\n" + columns[0] + "{") && !scrape.contains("\n" + columns[0] + " ")) {
					missing.add(columns[0] + " on " + module);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

}
