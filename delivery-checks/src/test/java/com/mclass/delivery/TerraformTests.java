package com.mclass.delivery;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * terraform/ without `terraform init`: syntax, variables, module calls, references, and terraform/platform.json (the
 * per-service settings) against the services. Two root modules: the shared stack (terraform/) and the stack every
 * service is deployed with on its own (terraform/service, one state per service). `terraform validate` and the mocked
 * plans of `terraform test` run in {@link TerraformToolTests}; `terraform fmt -check` here, when terraform is installed.
 */
@Timeout(120)
class TerraformTests {

	static final String ROOT = "terraform";

	static final String SERVICE_ROOT = ROOT + "/service";

	static final Set<String> MODULE_META_ARGUMENTS = Set.of("source", "version", "count", "for_each", "depends_on",
			"providers");

	/** Every directory holding .tf files: the two root modules and each module. */
	static List<Path> moduleDirectories() {
		Set<Path> directories = new TreeSet<>();
		Repo.files(ROOT, ".tf").forEach((file) -> directories.add(file.getParent()));
		return new ArrayList<>(directories);
	}

	static Map<Path, Hcl> files(Path directory) {
		Map<Path, Hcl> files = new TreeMap<>();
		try (var list = Files.list(directory)) {
			list.filter((file) -> file.toString().endsWith(".tf")).forEach((file) -> files.put(file, new Hcl(Repo.read(file))));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return files;
	}

	static List<Hcl.Block> blocks(Path directory, String type) {
		List<Hcl.Block> blocks = new ArrayList<>();
		files(directory).values().forEach((hcl) -> blocks.addAll(hcl.blocks(type)));
		return blocks;
	}

	static Map<String, Hcl.Block> variables(Path directory) {
		Map<String, Hcl.Block> variables = new LinkedHashMap<>();
		blocks(directory, "variable").forEach((block) -> variables.put(block.label(), block));
		return variables;
	}

	@Test
	void theLayoutIsTheSharedStackTheServiceStackAndTheirModules() {
		assertThat(moduleDirectories()).extracting((directory) -> Repo.ROOT.resolve(ROOT).relativize(directory).toString())
			.contains("", "service", "modules/network", "modules/ecs-cluster", "modules/ecs-service", "modules/alb",
					"modules/rds", "modules/elasticache", "modules/msk", "modules/ses", "modules/ecr");
		for (String root : List.of(ROOT, SERVICE_ROOT)) {
			assertThat(Repo.exists(root + "/backend.hcl.example")).as("%s/backend.hcl.example", root).isTrue();
			assertThat(Repo.files(root + "/tests", ".tftest.hcl")).as("%s/tests/*.tftest.hcl", root).isNotEmpty();
		}
		assertThat(Repo.exists(ROOT + "/terraform.tfvars.example")).isTrue();
		assertThat(Repo.exists(SERVICE_ROOT + "/terraform.tfvars.example")).isTrue();
	}

	@Test
	void filesAreSyntacticallyBalanced() {
		List<String> problems = new ArrayList<>();
		for (Path file : Repo.files(ROOT, ".tf")) {
			new Hcl(Repo.read(file)).syntaxProblems().forEach((problem) -> problems.add(Repo.ROOT.relativize(file) + ": " + problem));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyVariableAndOutputIsDescribedAndTyped() {
		List<String> problems = new ArrayList<>();
		for (Path directory : moduleDirectories()) {
			variables(directory).forEach((name, block) -> {
				Map<String, String> attributes = block.attributes();
				if (!attributes.containsKey("description") || attributes.get("description").length() < 5) {
					problems.add(directory + ": variable " + name + " has no description");
				}
				if (!attributes.containsKey("type")) {
					problems.add(directory + ": variable " + name + " has no type");
				}
			});
			for (Hcl.Block output : blocks(directory, "output")) {
				if (!output.attributes().containsKey("description")) {
					problems.add(directory + ": output " + output.label() + " has no description");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void rootVariablesAreValidated() {
		Map<String, Hcl.Block> variables = variables(Repo.path(ROOT));
		List<String> validated = variables.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().blocks().stream().anyMatch((block) -> block.type().equals("validation")))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(validated).contains("environment", "aws_region", "vpc_cidr", "public_url", "admin_email",
				"log_retention_days", "alarm_topic_arn");
		Map<String, Hcl.Block> serviceVariables = variables(Repo.path(SERVICE_ROOT));
		assertThat(serviceVariables.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().blocks().stream().anyMatch((block) -> block.type().equals("validation")))
			.map(Map.Entry::getKey)).contains("service", "image_tag");
	}

	@Test
	void everyReferenceResolves() {
		List<String> problems = new ArrayList<>();
		for (Path directory : moduleDirectories()) {
			Map<Path, Hcl> files = files(directory);
			Set<String> variables = variables(directory).keySet();
			Set<String> locals = new TreeSet<>();
			Map<String, Hcl.Block> modules = new LinkedHashMap<>();
			files.values().forEach((hcl) -> {
				hcl.blocks("locals").forEach((block) -> locals.addAll(block.attributes().keySet()));
				hcl.blocks("module").forEach((block) -> modules.put(block.label(), block));
			});
			for (Map.Entry<Path, Hcl> file : files.entrySet()) {
				String where = Repo.ROOT.relativize(file.getKey()).toString();
				file.getValue().references("var").stream().filter((name) -> !variables.contains(name))
					.forEach((name) -> problems.add(where + ": var." + name + " is not declared"));
				file.getValue().references("local").stream().filter((name) -> !locals.contains(name))
					.forEach((name) -> problems.add(where + ": local." + name + " is not defined"));
				for (List<String> reference : file.getValue().moduleOutputReferences()) {
					Hcl.Block module = modules.get(reference.get(0));
					if (module == null) {
						problems.add(where + ": module." + reference.get(0) + " is not called here");
						continue;
					}
					Set<String> outputs = new TreeSet<>();
					blocks(moduleDirectory(directory, module), "output").forEach((output) -> outputs.add(output.label()));
					if (!outputs.contains(reference.get(1))) {
						problems.add(where + ": module." + reference.get(0) + "." + reference.get(1) + " is not an output");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyModuleCallPassesDeclaredVariablesAndAllRequiredOnes() {
		List<String> problems = new ArrayList<>();
		for (Path directory : moduleDirectories()) {
			for (Hcl.Block call : blocks(directory, "module")) {
				Path module = moduleDirectory(directory, call);
				if (!Files.isDirectory(module)) {
					problems.add("module " + call.label() + ": no directory " + module);
					continue;
				}
				Map<String, Hcl.Block> declared = variables(module);
				Set<String> arguments = new TreeSet<>(call.attributes().keySet());
				arguments.removeAll(MODULE_META_ARGUMENTS);
				for (String argument : arguments) {
					if (!declared.containsKey(argument)) {
						problems.add("module " + call.label() + " passes " + argument + ", not a variable of " + module.getFileName());
					}
				}
				declared.forEach((name, variable) -> {
					if (!variable.attributes().containsKey("default") && !arguments.contains(name)) {
						problems.add("module " + call.label() + " does not pass the required variable " + name);
					}
				});
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theExampleVariablesFilesSetDeclaredVariablesAndAllRequiredOnes() {
		for (String root : List.of(ROOT, SERVICE_ROOT)) {
			Map<String, Hcl.Block> declared = variables(Repo.path(root));
			Set<String> assigned = new TreeSet<>();
			Matcher assignment = Pattern.compile("(?m)^([a-z_][a-z0-9_]*)\\s*=").matcher(Repo.read(root + "/terraform.tfvars.example"));
			while (assignment.find()) {
				assigned.add(assignment.group(1));
			}
			assertThat(declared.keySet()).as("%s variables", root).containsAll(assigned);
			declared.forEach((name, variable) -> {
				if (!variable.attributes().containsKey("default")) {
					assertThat(assigned).as("required variable %s in %s/terraform.tfvars.example", name, root).contains(name);
				}
			});
		}
	}

	@Test
	void theStateLivesInAnEncryptedS3BucketWithALockFile() {
		for (String root : List.of(ROOT, SERVICE_ROOT)) {
			String versions = Repo.read(root + "/versions.tf");
			assertThat(versions).as("%s/versions.tf", root).contains("backend \"s3\" {}")
				.as("use_lockfile needs Terraform 1.10").containsPattern("required_version\\s*=\\s*\">= 1\\.1\\d\\.\\d+\"");
			String backend = Repo.read(root + "/backend.hcl.example");
			assertThat(backend).containsPattern("(?m)^use_lockfile\\s*=\\s*true").containsPattern("(?m)^encrypt\\s*=\\s*true")
				.containsPattern("(?m)^bucket\\s*=").containsPattern("(?m)^key\\s*=");
		}
		assertThat(Repo.read(SERVICE_ROOT + "/backend.hcl.example")).as("one state per service").contains("/services/");
	}

	@Test
	void noProviderButAwsAndNoSecretGeneratedIntoTheStateByOne() {
		List<String> problems = new ArrayList<>();
		for (Path file : Repo.files(ROOT, ".tf")) {
			String text = Repo.read(file);
			String where = Repo.ROOT.relativize(file).toString();
			for (String forbidden : List.of("resource \"random_", "resource \"tls_", "hashicorp/random", "hashicorp/tls",
					"resource \"aws_iam_access_key\"", "resource \"aws_iam_user\"", "ses_smtp_password")) {
				if (text.contains(forbidden)) {
					problems.add(where + ": " + forbidden);
				}
			}
		}
		assertThat(problems).as("the JWT key and the SMTP credentials stay out of the state; only the AWS provider is used")
			.isEmpty();
		assertThat(Repo.read(ROOT + "/secrets.tf")).contains("aws_secretsmanager_random_password");
	}

	@Test
	void everyAlarmNotifiesTheAlarmTopic() {
		List<String> problems = new ArrayList<>();
		int alarms = 0;
		for (Path directory : moduleDirectories()) {
			for (Hcl.Block resource : blocks(directory, "resource")) {
				if (!resource.label().equals("aws_cloudwatch_metric_alarm")) {
					continue;
				}
				alarms++;
				String actions = resource.attributes().getOrDefault("alarm_actions", "");
				if (!actions.matches("(?s).*(alarm_topic_arn|aws_sns_topic).*")) {
					problems.add(Repo.ROOT.relativize(directory) + ": alarm " + resource.labels() + " notifies " + actions);
				}
			}
		}
		assertThat(alarms).as("CloudWatch alarms").isGreaterThanOrEqualTo(8);
		assertThat(problems).isEmpty();
	}

	@Test
	void filesAreFormatted() {
		var terraform = Tools.find("terraform");
		Assumptions.assumeTrue(terraform.isPresent(), "terraform is not installed: `terraform fmt -check -recursive` skipped");
		Tools.Result result = Tools.run(Repo.path(ROOT), Duration.ofSeconds(60),
				List.of(terraform.get().toString(), "fmt", "-check", "-recursive", "-diff"));
		assertThat(result.ok()).as("terraform fmt -check -recursive:%n%s", result.output()).isTrue();
	}

	// --- platform.json -----------------------------------------------------------------------------------------------

	@Test
	void theServicesAreSizedForFargateAndScaleWithinTheirBounds() {
		Map<Integer, Set<Integer>> fargate = Map.of(256, Set.of(512, 1024, 2048), 512, Set.of(1024, 2048, 3072, 4096),
				1024, Set.of(2048, 3072, 4096, 5120, 6144, 7168, 8192), 2048,
				Set.of(4096, 5120, 6144, 7168, 8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384));
		List<String> publicServices = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : Deployments.fields(Deployments.platform().path("services"))) {
			String service = entry.getKey();
			JsonNode definition = entry.getValue();
			int cpu = definition.path("cpu").asInt();
			int memory = definition.path("memory").asInt();
			assertThat(fargate.getOrDefault(cpu, Set.of())).as("%s: Fargate cpu %d / memory %d", service, cpu, memory)
				.contains(memory);
			int min = definition.path("min_count").asInt();
			assertThat(min).as("%s min_count", service).isGreaterThanOrEqualTo(2);
			assertThat(definition.path("desired_count").asInt()).isBetween(min, definition.path("max_count").asInt());
			assertThat(definition.path("health_check_path").asString()).isEqualTo("/actuator/health/readiness");
			assertThat(definition.path("management_port").asInt()).as("%s management_port", service)
				.isEqualTo(ServiceConfig.of(service).managementPort());
			if (definition.path("public").asBoolean()) {
				publicServices.add(service);
			}
			Set<String> callers = new TreeSet<>();
			definition.path("allow_from").forEach((caller) -> callers.add(caller.asString()));
			assertThat(callers).as("%s: who may connect (the same as the Helm NetworkPolicy)", service)
				.isEqualTo(HelmChartTests.ALLOWED_CALLERS.get(service));
			String database = ServiceConfig.of(service).databaseName();
			if (database == null) {
				assertThat(definition.path("database").isNull()).as("%s has no database", service).isTrue();
			}
			else {
				assertThat(definition.path("database").path("name").asString()).as("%s database", service).isEqualTo(database);
				// Its own login, never the RDS master user (whose password RDS rotates every 7 days).
				assertThat(definition.path("database").path("username").asString()).as("%s login", service)
					.startsWith(database)
					.isNotEqualTo(definition.path("database").path("master_username").asString());
				assertThat(definition.path("secrets").path("SPRING_DATASOURCE_PASSWORD").asString())
					.isEqualTo("database-password");
			}
		}
		assertThat(publicServices).as("behind the ALB").containsExactly("gateway");
	}

	@Test
	void theTemplatesAndSecretsOfPlatformJsonResolve() {
		// Template variables: the shared stack's template_vars output and the service stack's own (its database).
		Hcl.Block templateVars = new Hcl(Repo.read(ROOT + "/outputs.tf")).blocks("output")
			.stream()
			.filter((output) -> output.label().equals("template_vars"))
			.findFirst()
			.orElseThrow();
		Set<String> templateVariables = new TreeSet<>(attributesOf(templateVars.body(), "value"));
		templateVariables.addAll(Set.of("db_host", "db_port", "db_username"));
		assertThat(Repo.read(SERVICE_ROOT + "/main.tf")).contains("db_host").contains("db_port").contains("db_username");
		String secrets = Repo.read(ROOT + "/secrets.tf");
		Set<String> secretKeys = new TreeSet<>(attributesOf(secrets, "generated_secrets"));
		Matcher operator = Pattern.compile("operator_secrets\\s*=\\s*toset\\(\\[(.*?)\\]\\)", Pattern.DOTALL).matcher(secrets);
		assertThat(operator.find()).isTrue();
		Matcher quoted = Pattern.compile("\"([a-z0-9-]+)\"").matcher(operator.group(1));
		while (quoted.find()) {
			secretKeys.add(quoted.group(1));
		}
		List<String> problems = new ArrayList<>();
		JsonNode platform = Deployments.platform();
		List<JsonNode> environments = new ArrayList<>();
		environments.add(platform.path("common_environment"));
		for (Map.Entry<String, JsonNode> service : Deployments.fields(platform.path("services"))) {
			environments.add(service.getValue().path("environment"));
			for (Map.Entry<String, JsonNode> secret : Deployments.fields(service.getValue().path("secrets"))) {
				String reference = secret.getValue().asString();
				boolean own = reference.equals("database-password") && !service.getValue().path("database").isNull();
				if (!own && !secretKeys.contains(reference)) {
					problems.add(service.getKey() + ": secret " + secret.getKey() + " -> " + reference + " is not in secrets.tf");
				}
			}
		}
		for (JsonNode environment : environments) {
			for (Map.Entry<String, JsonNode> variable : Deployments.fields(environment)) {
				Matcher template = Pattern.compile("\\$\\{([a-z_]+)}").matcher(variable.getValue().asString());
				while (template.find()) {
					if (!templateVariables.contains(template.group(1))) {
						problems.add(variable.getKey() + " uses ${" + template.group(1) + "}, not a template variable");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theTopicsAreTheOnesTheServicesUse() {
		Map<String, Integer> topics = new TreeMap<>();
		Deployments.platform().path("kafka_topics")
			.forEach((topic) -> topics.put(topic.path("name").asString(), topic.path("partitions").asInt()));
		assertThat(topics).isEqualTo(Topics.required());
	}

	/** The attribute names of the object assigned to {@code name = {...}} (the first one) in the text. */
	static Set<String> attributesOf(String text, String name) {
		Hcl hcl = new Hcl(text);
		Matcher start = Pattern.compile("(?m)^\\s*" + name + "\\s*=\\s*\\{").matcher(hcl.blanked);
		assertThat(start.find()).as("%s = {...}", name).isTrue();
		int open = start.end() - 1;
		int depth = 0;
		int close = open;
		for (int i = open; i < hcl.blanked.length(); i++) {
			char c = hcl.blanked.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				close = i;
				break;
			}
		}
		Hcl.Block object = new Hcl.Block("object", List.of(), hcl.code.substring(open + 1, close),
				hcl.blanked.substring(open + 1, close));
		Set<String> names = new TreeSet<>(object.attributes().keySet());
		// `for ... : key => { a = ..., b = ... }`: the attributes of the produced objects.
		object.blocks().forEach((block) -> names.addAll(block.attributes().keySet()));
		Matcher produced = Pattern.compile("=>\\s*\\{").matcher(object.blankedBody());
		if (produced.find()) {
			String inner = object.body().substring(produced.end());
			Matcher attribute = Pattern.compile("(?m)^\\s*([a-z_][a-z0-9_]*)\\s*=").matcher(inner);
			while (attribute.find()) {
				names.add(attribute.group(1));
			}
		}
		return names;
	}

	static Path moduleDirectory(Path directory, Hcl.Block call) {
		String source = call.attributes().getOrDefault("source", "").replace("\"", "").strip();
		return directory.resolve(source).normalize();
	}

}
