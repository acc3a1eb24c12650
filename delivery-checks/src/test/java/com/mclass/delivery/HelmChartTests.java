package com.mclass.delivery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * helm/mclass without a helm binary (none is installable here, and no Go-template renderer exists for the JVM): the
 * charts' structure, every {@code .Values.x.y} a template (or a tpl'd value) uses exists in the values it is rendered
 * with, through the umbrella and for each service chart installed alone, and what each service chart must have
 * (library dependency, probes on the management port, resources, HPA, PDB, NetworkPolicy). `helm lint` and
 * `helm template` are the real checks (docs/DEPLOYMENT.md).
 */
class HelmChartTests {

	static final String CHARTS = Deployments.HELM + "/charts/";

	static final String LIBRARY = "mclass-common";

	/** Who may connect to whom (L4): the gateway from the ingress controller only, the rest from the callers. */
	static final Map<String, Set<String>> ALLOWED_CALLERS = Map.of(
			"gateway", Set.of(),
			"enrollment-service", Set.of("gateway"),
			"class-service", Set.of("gateway", "enrollment-service"),
			"notification-service", Set.of("gateway", "enrollment-service"),
			// The JWKS: every resource server fetches auth-service's signing keys.
			"auth-service", Set.of("gateway", "enrollment-service", "class-service", "notification-service"));

	static final Pattern VALUES_REFERENCE = Pattern.compile("\\.Values((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");

	static List<String> deployables() {
		return Repo.deployables();
	}

	@Test
	void theUmbrellaChartDependsOnTheLibraryAndOneChartPerService() {
		Map<String, Object> chart = Yamls.map(Repo.yaml(Deployments.HELM + "/Chart.yaml"));
		assertThat(chart.get("apiVersion")).isEqualTo("v2");
		Map<String, String> dependencies = new LinkedHashMap<>();
		for (Object dependency : Yamls.list(chart.get("dependencies"))) {
			Map<String, Object> entry = Yamls.map(dependency);
			dependencies.put(String.valueOf(entry.get("name")), String.valueOf(entry.get("condition")));
			assertThat(entry.get("repository")).as("%s is vendored under charts/ (no repository)", entry.get("name"))
				.isNull();
			Map<String, Object> subchart = Yamls.map(Repo.yaml(CHARTS + entry.get("name") + "/Chart.yaml"));
			assertThat(subchart.get("name")).isEqualTo(entry.get("name"));
			assertThat(String.valueOf(subchart.get("version"))).isEqualTo(String.valueOf(entry.get("version")));
		}
		assertThat(dependencies).containsKey(LIBRARY);
		assertThat(Yamls.map(Repo.yaml(CHARTS + LIBRARY + "/Chart.yaml")).get("type")).isEqualTo("library");
		for (String service : Repo.deployables()) {
			assertThat(dependencies.get(service)).as("condition of %s", service).isEqualTo(service + ".enabled");
		}
		assertThat(dependencies.keySet()).containsExactlyInAnyOrderElementsOf(concat(Repo.deployables(), LIBRARY));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("deployables")
	void everyServiceHasItsObjects(String service) {
		Set<String> templates = new TreeSet<>();
		for (Path template : Repo.files(CHARTS + service + "/templates", ".yaml")) {
			templates.add(template.getFileName().toString().replace(".yaml", ""));
			assertThat(Repo.read(template).strip()).as("%s includes a library template", template)
				.matches("\\{\\{- include \"mclass-common\\.[a-z]+\" \\. }}");
		}
		assertThat(templates).contains("deployment", "service", "configmap", "serviceaccount", "hpa", "pdb", "networkpolicy");
		assertThat(templates.contains("ingress")).as("only the gateway has an Ingress").isEqualTo(service.equals("gateway"));
		for (String template : templates) {
			assertThat(Repo.exists(CHARTS + LIBRARY + "/templates/_" + template + ".tpl")).as("library template %s", template)
				.isTrue();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("deployables")
	void everyServiceHasProbesResourcesAutoscalingAndADisruptionBudget(String service) {
		Map<String, Object> values = Deployments.effectiveValues(service);
		assertThat(values.get("port")).isEqualTo(ServiceConfig.of(service).port());
		assertThat(Yamls.at(values, "image", "repository")).isEqualTo("mclass/" + service);
		assertThat(Yamls.at(Deployments.umbrellaValues(), service, "image", "tag")).as("%s.image.tag in the umbrella values",
				service).isNotNull();
		assertThat(Yamls.at(values, "probes", "liveness", "path")).isEqualTo("/actuator/health/liveness");
		assertThat(Yamls.at(values, "probes", "readiness", "path")).isEqualTo("/actuator/health/readiness");
		assertThat(Yamls.at(values, "probes", "startup", "path")).isNotNull();
		assertThat(Yamls.at(values, "resources", "requests", "cpu")).isNotNull();
		assertThat(Yamls.at(values, "resources", "requests", "memory")).isNotNull();
		assertThat(Yamls.at(values, "resources", "limits", "memory")).as("memory limit (the heap is a share of it)")
			.isEqualTo(Yamls.at(values, "resources", "requests", "memory"));
		assertThat(Yamls.at(values, "autoscaling", "enabled")).isEqualTo(true);
		int min = (Integer) Yamls.at(values, "autoscaling", "minReplicas");
		int max = (Integer) Yamls.at(values, "autoscaling", "maxReplicas");
		assertThat(min).as("at least two replicas").isGreaterThanOrEqualTo(2);
		assertThat(max).isGreaterThanOrEqualTo(min);
		assertThat(Yamls.at(values, "podDisruptionBudget", "enabled")).isEqualTo(true);
		assertThat((Integer) Yamls.at(values, "podDisruptionBudget", "minAvailable")).isLessThan(min);
		assertThat((Integer) values.get("terminationGracePeriodSeconds"))
			.isGreaterThan((Integer) values.get("preStopSleepSeconds"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("deployables")
	void networkPoliciesAdmitOnlyTheCallers(String service) {
		Map<String, Object> values = Deployments.effectiveValues(service);
		assertThat(Yamls.at(values, "global", "networkPolicy", "enabled")).isEqualTo(true);
		assertThat(Yamls.at(values, "networkPolicy", "enabled")).isEqualTo(true);
		Set<String> callers = new TreeSet<>();
		Yamls.list(Yamls.at(values, "networkPolicy", "allowFrom")).forEach((caller) -> callers.add(String.valueOf(caller)));
		assertThat(callers).as("who may connect to %s", service).isEqualTo(ALLOWED_CALLERS.get(service));
		assertThat(Yamls.at(values, "networkPolicy", "allowIngressController")).as("%s reachable from the ingress", service)
			.isEqualTo(service.equals("gateway"));
		assertThat(values.containsKey("ingress")).isEqualTo(service.equals("gateway"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("deployables")
	void secretsAreReferencesOnly(String service) {
		Map<String, Object> secretEnv = Yamls.map(Deployments.effectiveValues(service).get("secretEnv"));
		secretEnv.forEach((name, reference) -> {
			assertThat(Yamls.map(reference).keySet()).as("secretEnv.%s", name).contains("secret", "key")
				.isSubsetOf("secret", "key", "optional");
		});
	}

	@Test
	void everyValuesReferenceExists() {
		List<String> problems = new ArrayList<>();
		// The library templates a service chart includes (transitively), its own templates and its tpl'd values render
		// with that service's values.
		for (String service : Repo.deployables()) {
			Map<String, Object> values = Deployments.effectiveValues(service);
			List<Path> files = new ArrayList<>(Repo.files(CHARTS + service + "/templates", ".yaml"));
			files.addAll(includedLibraryFiles(files));
			files.add(Repo.path(CHARTS + service + "/values.yaml"));
			for (Path file : files) {
				for (String reference : references(Repo.read(file))) {
					if (!exists(values, reference)) {
						problems.add(Repo.ROOT.relativize(file) + " uses .Values" + reference + ", missing for " + service);
					}
				}
			}
		}
		// The umbrella's own templates (NOTES.txt) and tpl'd values render with the umbrella values.
		Map<String, Object> umbrella = Deployments.umbrellaValues();
		List<Path> umbrellaFiles = new ArrayList<>(Repo.files(Deployments.HELM + "/templates", ""));
		umbrellaFiles.add(Repo.path(Deployments.HELM + "/values.yaml"));
		for (Path file : umbrellaFiles) {
			for (String reference : references(Repo.read(file))) {
				if (!exists(umbrella, reference)) {
					problems.add(Repo.ROOT.relativize(file) + " uses .Values" + reference);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("deployables")
	void everyServiceChartInstallsOnItsOwn(String service) {
		// It declares the library its templates come from (helm dependency build vendors it into its charts/) ...
		Map<String, Object> chart = Yamls.map(Repo.yaml(CHARTS + service + "/Chart.yaml"));
		List<Object> dependencies = Yamls.list(chart.get("dependencies"));
		assertThat(dependencies).as("%s dependencies", service).hasSize(1);
		Map<String, Object> library = Yamls.map(dependencies.get(0));
		assertThat(library.get("name")).isEqualTo(LIBRARY);
		assertThat(library.get("repository")).isEqualTo("file://../" + LIBRARY);
		assertThat(String.valueOf(library.get("version")))
			.isEqualTo(String.valueOf(Yamls.map(Repo.yaml(CHARTS + LIBRARY + "/Chart.yaml")).get("version")));
		// ... and its own values render every template without the umbrella's.
		Map<String, Object> values = Deployments.chartValues(service);
		List<Path> files = new ArrayList<>(Repo.files(CHARTS + service + "/templates", ".yaml"));
		files.addAll(includedLibraryFiles(files));
		files.add(Repo.path(CHARTS + service + "/values.yaml"));
		List<String> missing = new ArrayList<>();
		for (Path file : files) {
			for (String reference : references(Repo.read(file))) {
				if (!exists(values, reference)) {
					missing.add(Repo.ROOT.relativize(file) + " uses .Values" + reference);
				}
			}
		}
		assertThat(missing).as("%s installed alone", service).isEmpty();
		// The same platform-wide defaults as the umbrella: installed alone or together, a service sees the same.
		assertThat(values.get("global")).as("%s global defaults = the umbrella's", service)
			.isEqualTo(Deployments.umbrellaValues().get("global"));
	}

	@Test
	void probesAndMetricsUseTheManagementPortOnly() {
		String deployment = Repo.read(CHARTS + LIBRARY + "/templates/_deployment.tpl");
		assertThat(deployment).contains("- name: management\n              containerPort: {{ .Values.managementPort }}")
			.contains("prometheus.io/port: {{ .Values.managementPort | quote }}");
		Matcher probe = Pattern.compile("(startupProbe|livenessProbe|readinessProbe):\\s*httpGet:\\s*path: [^\\n]+\\s*port: (\\w+)")
			.matcher(deployment);
		int probes = 0;
		while (probe.find()) {
			probes++;
			assertThat(probe.group(2)).as(probe.group(1)).isEqualTo("management");
		}
		assertThat(probes).isEqualTo(3);
		assertThat(Repo.read(CHARTS + LIBRARY + "/templates/_servicemonitor.tpl")).contains("- port: management")
			.doesNotContain("- port: http");
		String networkPolicy = Repo.read(CHARTS + LIBRARY + "/templates/_networkpolicy.tpl");
		assertThat(networkPolicy).as("callers matched by name whichever release installed them")
			.doesNotContain("app.kubernetes.io/instance")
			.contains("port: {{ .Values.managementPort }}");
		for (String service : Repo.deployables()) {
			assertThat(Deployments.effectiveValues(service).get("managementPort")).as("%s managementPort", service)
				.isEqualTo(ServiceConfig.of(service).managementPort());
		}
	}

	@Test
	void theAlertRulesShipAsAPrometheusRule() {
		assertThat(Repo.read(Deployments.HELM + "/files/mclass-alerts.yml")).as("helm/mclass/files/mclass-alerts.yml is a copy of "
				+ ObservabilityTests.RULES + "/mclass-alerts.yml (cp it after changing the rules)")
			.isEqualTo(Repo.read(ObservabilityTests.RULES + "/mclass-alerts.yml"));
		String template = Repo.read(Deployments.HELM + "/templates/prometheusrule.yaml");
		assertThat(template).contains("kind: PrometheusRule").contains(".Files.Get \"files/mclass-alerts.yml\"")
			.contains("{{- if .Values.prometheusRule.enabled }}");
	}

	@Test
	void templateActionsAreBalanced() {
		List<Path> templates = new ArrayList<>(Repo.files(Deployments.HELM, ".tpl"));
		templates.addAll(Repo.files(Deployments.HELM + "/templates", ""));
		for (String service : Repo.deployables()) {
			templates.addAll(Repo.files(CHARTS + service + "/templates", ".yaml"));
		}
		List<String> problems = new ArrayList<>();
		Pattern action = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}", Pattern.DOTALL);
		for (Path template : templates) {
			String text = Repo.read(template);
			if (text.split("\\{\\{", -1).length != text.split("}}", -1).length) {
				problems.add(Repo.ROOT.relativize(template) + ": unbalanced {{ }}");
			}
			int depth = 0;
			Matcher matcher = action.matcher(text);
			while (matcher.find()) {
				String body = matcher.group(1);
				if (body.startsWith("/*")) {
					continue;
				}
				String keyword = body.split("\\s+")[0];
				if (Set.of("if", "range", "with", "define").contains(keyword)) {
					depth++;
				}
				else if (keyword.equals("end") && --depth < 0) {
					break;
				}
			}
			if (depth != 0) {
				problems.add(Repo.ROOT.relativize(template) + ": if/range/with/define and end do not pair up");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theGatewayIsTheOnlyWayIn() {
		Map<String, Object> values = Deployments.effectiveValues("gateway");
		assertThat(Yamls.at(values, "ingress", "enabled")).isEqualTo(true);
		String ingress = Repo.read(CHARTS + LIBRARY + "/templates/_ingress.tpl");
		assertThat(ingress).contains("kind: Ingress").contains("name: {{ include \"mclass-common.name\" . }}");
		String service = Repo.read(CHARTS + LIBRARY + "/templates/_service.tpl");
		assertThat(service).contains("type: ClusterIP");
	}

	/** The library files defining the templates the given files include, followed transitively. */
	static Set<Path> includedLibraryFiles(List<Path> files) {
		Map<String, Path> definitions = new LinkedHashMap<>();
		for (Path library : Repo.files(CHARTS + LIBRARY + "/templates", ".tpl")) {
			Matcher define = Pattern.compile("define \"([^\"]+)\"").matcher(Repo.read(library));
			while (define.find()) {
				definitions.put(define.group(1), library);
			}
		}
		Set<Path> included = new java.util.LinkedHashSet<>();
		java.util.ArrayDeque<Path> pending = new java.util.ArrayDeque<>(files);
		while (!pending.isEmpty()) {
			Matcher include = Pattern.compile("include \"([^\"]+)\"").matcher(Repo.read(pending.pop()));
			while (include.find()) {
				Path definition = definitions.get(include.group(1));
				assertThat(definition).as("template %s is defined in %s", include.group(1), LIBRARY).isNotNull();
				if (included.add(definition)) {
					pending.add(definition);
				}
			}
		}
		return included;
	}

	static Set<String> references(String text) {
		Set<String> references = new TreeSet<>();
		Matcher matcher = VALUES_REFERENCE.matcher(text);
		while (matcher.find()) {
			references.add(matcher.group(1));
		}
		return references;
	}

	/** Whether the dotted path exists in the values (a key with any value, null included). */
	static boolean exists(Map<String, Object> values, String reference) {
		Object current = values;
		for (String key : reference.substring(1).split("\\.")) {
			if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
				return false;
			}
			current = map.get(key);
		}
		return true;
	}

	private static List<String> concat(List<String> list, String element) {
		List<String> all = new ArrayList<>(list);
		all.add(element);
		return all;
	}

}
