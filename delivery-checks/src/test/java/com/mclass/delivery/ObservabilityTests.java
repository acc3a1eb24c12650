package com.mclass.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * observability/: alert rules and Prometheus configuration valid for promtool (and their unit tests pass), Grafana
 * dashboards valid, and every metric either names is in metrics-exposed.txt.
 */
@Timeout(180)
class ObservabilityTests {

	static final String RULES = "observability/prometheus/rules";

	static final String RULE_TESTS = "observability/prometheus/tests";

	static final String DASHBOARDS = "observability/grafana/dashboards";

	@Test
	void promtoolAcceptsTheRules() {
		Path promtool = Tools.require("promtool", "prometheus");
		List<Path> rules = Repo.files(RULES, ".yml");
		assertThat(rules).isNotEmpty();
		List<String> command = new ArrayList<>(List.of(promtool.toString(), "check", "rules"));
		rules.forEach((file) -> command.add(file.toString()));
		Tools.Result result = Tools.run(Repo.ROOT, Duration.ofSeconds(60), command);
		assertThat(result.ok()).as("promtool check rules:%n%s", result.output()).isTrue();
	}

	@Test
	void theRulesPassTheirUnitTests() {
		Path promtool = Tools.require("promtool", "prometheus");
		List<Path> tests = Repo.files(RULE_TESTS, ".yml");
		assertThat(tests).isNotEmpty();
		List<String> command = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
		tests.forEach((file) -> command.add(file.toString()));
		Tools.Result result = Tools.run(Repo.path(RULE_TESTS), Duration.ofSeconds(60), command);
		assertThat(result.ok()).as("promtool test rules:%n%s", result.output()).isTrue();
	}

	@Test
	void promtoolAcceptsThePrometheusConfiguration() {
		Path promtool = Tools.require("promtool", "prometheus");
		Tools.Result result = Tools.run(Repo.ROOT, Duration.ofSeconds(60),
				List.of(promtool.toString(), "check", "config", "--syntax-only", "observability/prometheus/prometheus.yml"));
		assertThat(result.ok()).as("promtool check config:%n%s", result.output()).isTrue();
	}

	@Test
	void alertmanagerAcceptsItsConfigurationAndPrometheusSendsToIt() {
		Path amtool = Tools.require("amtool", "prometheus-alertmanager");
		Tools.Result result = Tools.run(Repo.ROOT, Duration.ofSeconds(60),
				List.of(amtool.toString(), "check-config", "observability/alertmanager/alertmanager.yml"));
		assertThat(result.ok()).as("amtool check-config:%n%s", result.output()).isTrue();
		Object targets = Yamls.at(Yamls.list(Yamls.at(Repo.yaml("observability/prometheus/prometheus.yml"), "alerting",
				"alertmanagers")).get(0), "static_configs");
		assertThat(String.valueOf(targets)).contains("alertmanager:9093");
		assertThat(Yamls.at(Deployments.composeFile(), "services", "alertmanager")).isNotNull();
	}

	@Test
	void prometheusScrapesEveryServiceOnItsManagementPort() {
		Map<String, String> targets = new TreeMap<>();
		for (Object job : Yamls.list(Yamls.at(Repo.yaml("observability/prometheus/prometheus.yml"), "scrape_configs"))) {
			Object staticConfig = Yamls.list(Yamls.map(job).get("static_configs")).get(0);
			targets.put(String.valueOf(Yamls.map(job).get("job_name")),
					String.valueOf(Yamls.list(Yamls.map(staticConfig).get("targets")).get(0)));
		}
		for (String service : Repo.deployables()) {
			assertThat(targets.get(service)).as("scrape target of %s", service)
				.isEqualTo(service + ":" + ServiceConfig.of(service).managementPort());
		}
	}

	@Test
	void dashboardsAreValidAndQueryThroughTheProvisionedDataSource() {
		List<Path> dashboards = Repo.files(DASHBOARDS, ".json");
		assertThat(dashboards).hasSizeGreaterThanOrEqualTo(4);
		String dataSource = String.valueOf(Yamls.at(Yamls.list(Yamls.at(
				Repo.yaml("observability/grafana/provisioning/datasources/prometheus.yml"), "datasources")).get(0), "uid"));
		Set<String> uids = new TreeSet<>();
		List<String> problems = new ArrayList<>();
		for (Path file : dashboards) {
			JsonNode dashboard = Repo.json(file);
			String uid = dashboard.path("uid").asString();
			assertThat(uids.add(uid)).as("dashboard uid %s unique", uid).isTrue();
			assertThat(dashboard.path("title").asString()).isNotBlank();
			assertThat(file.getFileName().toString()).isEqualTo(uid + ".json");
			Set<Integer> ids = new TreeSet<>();
			for (JsonNode panel : dashboard.path("panels")) {
				if (!ids.add(panel.path("id").asInt())) {
					problems.add(uid + ": panel id " + panel.path("id").asInt() + " repeated");
				}
				if (panel.path("type").asString().equals("row") || panel.path("type").asString().equals("text")) {
					continue;
				}
				if (!panel.path("datasource").path("uid").asString().equals(dataSource)) {
					problems.add(uid + ": panel '" + panel.path("title").asString() + "' does not use data source " + dataSource);
				}
				if (panel.path("targets").isEmpty()) {
					problems.add(uid + ": panel '" + panel.path("title").asString() + "' has no query");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void dashboardQueriesAreValidPromQl(@TempDir Path directory) throws IOException {
		Path promtool = Tools.require("promtool", "prometheus");
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
		int n = 0;
		for (Map.Entry<String, String> query : dashboardQueries().entrySet()) {
			rules.append("      - record: dashboard:query:").append(n++).append("\n        expr: ")
				.append(quote(PromQl.forPrometheus(query.getValue()))).append("\n");
		}
		Path file = directory.resolve("dashboard-queries.yml");
		Files.writeString(file, rules);
		Tools.Result result = Tools.run(directory, Duration.ofSeconds(60),
				List.of(promtool.toString(), "check", "rules", file.toString()));
		assertThat(result.ok()).as("PromQL of the dashboards (promtool check rules):%n%s%n%s", result.output(), rules).isTrue();
	}

	@Test
	void everyMetricUsedIsInTheAllowList() {
		Map<String, MetricsAllowList.Entry> allowed = MetricsAllowList.entries();
		Map<String, Set<String>> used = usedMetrics();
		List<String> missing = new ArrayList<>();
		used.forEach((name, where) -> {
			if (!allowed.containsKey(name)) {
				missing.add(name + " (used in " + where + ")");
			}
		});
		assertThat(missing).as("metrics used by rules or dashboards but not in %s", MetricsAllowList.FILE).isEmpty();
		List<String> unused = allowed.keySet().stream().filter((name) -> !used.containsKey(name)).toList();
		assertThat(unused).as("entries of %s no rule or dashboard uses (remove them)", MetricsAllowList.FILE).isEmpty();
	}

	@Test
	void theAllowListNamesRealServicesAndTheEnvironmentItNeedsIsSetEverywhere() {
		Set<String> exposers = new TreeSet<>(Repo.deployables());
		exposers.add("prometheus");
		exposers.add("redis-exporter");
		exposers.add("kube-state-metrics");
		List<String> problems = new ArrayList<>();
		for (MetricsAllowList.Entry entry : MetricsAllowList.entries().values()) {
			if (!entry.name().matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
				problems.add("line " + entry.line() + ": not a metric name: " + entry.name());
			}
			for (String service : entry.exposedBy()) {
				if (!exposers.contains(service)) {
					problems.add("line " + entry.line() + ": unknown service " + service);
				}
			}
			for (String target : Deployments.targets()) {
				Map<String, Deployments.Deployed> deployed = Deployments.of(target);
				entry.environment().forEach((variable, value) -> {
					for (String service : entry.exposedBy()) {
						Deployments.Deployed deployment = deployed.get(service);
						String actual = (deployment != null) ? deployment.environment().get(variable) : null;
						if (!value.equals(actual)) {
							problems.add(entry.name() + " needs " + variable + "=" + value + " for " + service + " in "
									+ target + " (is " + actual + ")");
						}
					}
				});
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void grafanaLoadsTheDashboardsFromWhereComposeMountsThem() {
		Object provider = Yamls.list(Yamls.at(Repo.yaml("observability/grafana/provisioning/dashboards/mclass.yml"),
				"providers")).get(0);
		String path = String.valueOf(Yamls.at(provider, "options", "path"));
		List<Object> volumes = Yamls.list(Yamls.at(Deployments.composeFile(), "services", "grafana", "volumes"));
		assertThat(volumes).extracting(String::valueOf).contains("./" + DASHBOARDS + ":" + path + ":ro");
		List<Object> prometheusVolumes = Yamls.list(Yamls.at(Deployments.composeFile(), "services", "prometheus", "volumes"));
		assertThat(prometheusVolumes).extracting(String::valueOf).contains("./" + RULES + ":/etc/prometheus/rules:ro");
	}

	/** Metric name to where it is used (rule files and dashboards). */
	static Map<String, Set<String>> usedMetrics() {
		Map<String, Set<String>> used = new TreeMap<>();
		for (Path file : Repo.files(RULES, ".yml")) {
			for (Object group : Yamls.list(Yamls.at(Repo.yaml(file), "groups"))) {
				for (Object rule : Yamls.list(Yamls.map(group).get("rules"))) {
					String name = String.valueOf(Yamls.map(rule).getOrDefault("alert", Yamls.map(rule).get("record")));
					PromQl.metricNames(String.valueOf(Yamls.map(rule).get("expr")))
						.forEach((metric) -> used.computeIfAbsent(metric, (key) -> new TreeSet<>()).add("rule " + name));
				}
			}
		}
		dashboardQueries().forEach((where, expression) -> PromQl.metricNames(expression)
			.forEach((metric) -> used.computeIfAbsent(metric, (key) -> new TreeSet<>()).add(where)));
		for (Path file : Repo.files(DASHBOARDS, ".json")) {
			for (JsonNode variable : Repo.json(file).path("templating").path("list")) {
				String query = variable.path("query").isObject() ? variable.path("query").path("query").asString()
						: variable.path("query").asString("");
				PromQl.variableQueryMetricNames(query)
					.forEach((metric) -> used.computeIfAbsent(metric, (key) -> new TreeSet<>())
						.add(file.getFileName() + " variable " + variable.path("name").asString()));
			}
		}
		return used;
	}

	/** "dashboard / panel / refId" to the expression. */
	static Map<String, String> dashboardQueries() {
		Map<String, String> queries = new LinkedHashMap<>();
		for (Path file : Repo.files(DASHBOARDS, ".json")) {
			JsonNode dashboard;
			try {
				dashboard = Repo.json(file);
			}
			catch (RuntimeException ex) {
				throw new UncheckedIOException(new IOException(file + " is not valid JSON", ex));
			}
			for (JsonNode panel : dashboard.path("panels")) {
				for (JsonNode target : panel.path("targets")) {
					queries.put(file.getFileName() + " / " + panel.path("title").asString() + " / "
							+ target.path("refId").asString(), target.path("expr").asString());
				}
			}
		}
		return queries;
	}

	private static String quote(String text) {
		return "'" + text.replace("'", "''").replace("\n", " ") + "'";
	}

}
