package com.mclass.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Terraform checks, offline: `terraform init -backend=false -plugin-dir=<local mirror of hashicorp/aws>`,
 * `terraform validate` and `terraform test` (mock_provider "aws": plans of the whole shared stack and of each
 * service's stack, every ID unknown as in a fresh account) for both root modules. They run on a copy of terraform/ in
 * a temporary directory, so no .terraform directory or lock file lands in the repository, and never reach the network
 * (-plugin-dir only, no checkpoint call). Skipped, saying why, where terraform or the provider mirror is missing; the
 * mirror is found in MCLASS_TERRAFORM_PLUGIN_DIR, the CLI configuration's filesystem_mirror, or the usual places.
 */
@Timeout(300)
class TerraformToolTests {

	static final String AWS_PROVIDER = "registry.terraform.io/hashicorp/aws";

	private static Path work;

	private static Path terraform;

	private static Path pluginDirectory;

	private static Map<String, String> environment;

	/** Both root modules are checked at once (each is a few provider starts; the machine has cores to spare). */
	private static java.util.concurrent.ExecutorService checks;

	private static java.util.concurrent.Future<String> shared;

	private static java.util.concurrent.Future<String> service;

	@BeforeAll
	static void copyTheConfiguration() throws IOException {
		Optional<Path> binary = Tools.find("terraform");
		Assumptions.assumeTrue(binary.isPresent(),
				"terraform is not installed: terraform validate and terraform test (mocked plans) skipped");
		Optional<Path> mirror = pluginDirectory();
		Assumptions.assumeTrue(mirror.isPresent(), "no local mirror of " + AWS_PROVIDER + " found (set "
				+ "MCLASS_TERRAFORM_PLUGIN_DIR): terraform validate and terraform test skipped, they would download it");
		terraform = binary.get();
		pluginDirectory = mirror.get();
		work = Files.createTempDirectory("mclass-terraform");
		Path source = Repo.path(TerraformTests.ROOT);
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path relative = source.relativize(file);
				if (relative.toString().contains(".terraform")) {
					continue;
				}
				Path target = work.resolve(relative.toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		Path cliConfig = work.resolve(".terraformrc");
		Files.writeString(cliConfig, "");
		environment = new LinkedHashMap<>();
		environment.put("CHECKPOINT_DISABLE", "1");
		environment.put("TF_IN_AUTOMATION", "1");
		environment.put("TF_INPUT", "0");
		environment.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
		environment.put("TF_PLUGIN_CACHE_DIR", "");
		checks = java.util.concurrent.Executors.newFixedThreadPool(2);
		shared = checks.submit(() -> checkRoot(work));
		service = checks.submit(() -> checkRoot(work.resolve("service")));
	}

	@AfterAll
	static void removeTheCopy() throws IOException {
		if (work == null) {
			return;
		}
		checks.shutdownNow();
		Files.walkFileTree(work, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path directory, IOException ex) throws IOException {
				Files.delete(directory);
				return FileVisitResult.CONTINUE;
			}
		});
	}

	@Test
	void theSharedStackValidatesAndPlansInAFreshAccount() throws InterruptedException {
		System.out.println(result(shared));
	}

	@Test
	void everyServiceStackValidatesAndPlans() throws InterruptedException {
		System.out.println(result(service));
	}

	@Test
	void theRepositoryHoldsNoTerraformWorkingFiles() throws IOException {
		try (Stream<Path> files = Files.walk(Repo.path(TerraformTests.ROOT))) {
			assertThat(files.map((file) -> Repo.ROOT.relativize(file).toString()))
				.noneMatch((file) -> file.contains(".terraform") || file.endsWith(".tfstate"));
		}
	}

	private static String result(java.util.concurrent.Future<String> check) throws InterruptedException {
		try {
			return check.get();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** init, validate, test; returns what they printed, or throws the assertion that failed. */
	private static String checkRoot(Path root) {
		run(root, Duration.ofSeconds(120), "init", "-backend=false", "-plugin-dir=" + pluginDirectory, "-input=false",
				"-no-color");
		String validate = run(root, Duration.ofSeconds(120), "validate", "-no-color");
		assertThat(validate).contains("Success! The configuration is valid.");
		String test = run(root, Duration.ofSeconds(240), "test", "-no-color");
		Matcher summary = Pattern.compile("Success! (\\d+) passed, 0 failed\\.").matcher(test);
		assertThat(summary.find()).as("terraform test in %s:%n%s", root, test).isTrue();
		assertThat(Integer.parseInt(summary.group(1))).isPositive();
		String name = root.equals(work) ? "terraform/" : "terraform/" + work.relativize(root);
		return "terraform validate (" + name + "): " + validate.strip() + "\nterraform test (" + name + "):\n" + test.strip();
	}

	private static String run(Path directory, Duration timeout, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(terraform.toString());
		command.addAll(List.of(arguments));
		Tools.Result result = Tools.run(directory, timeout, command, environment);
		assertThat(result.ok()).as("terraform %s in %s:%n%s", String.join(" ", arguments), directory, result.output())
			.isTrue();
		return result.output();
	}

	/** A directory holding registry.terraform.io/hashicorp/aws/<version>/<os_arch>/terraform-provider-aws*. */
	static Optional<Path> pluginDirectory() {
		List<Path> candidates = new ArrayList<>();
		String configured = System.getenv("MCLASS_TERRAFORM_PLUGIN_DIR");
		if (configured != null && !configured.isBlank()) {
			candidates.add(Path.of(configured));
		}
		String home = System.getProperty("user.home");
		List<Path> cliConfigs = new ArrayList<>();
		String cliConfig = System.getenv("TF_CLI_CONFIG_FILE");
		if (cliConfig != null && !cliConfig.isBlank()) {
			cliConfigs.add(Path.of(cliConfig));
		}
		cliConfigs.add(Path.of(home, ".terraformrc"));
		for (Path file : cliConfigs) {
			if (Files.isRegularFile(file)) {
				try {
					Matcher mirror = Pattern.compile("filesystem_mirror\\s*\\{[^}]*path\\s*=\\s*\"([^\"]+)\"")
						.matcher(Files.readString(file));
					while (mirror.find()) {
						candidates.add(Path.of(mirror.group(1)));
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		candidates.add(Path.of("/opt/tf-plugins"));
		candidates.add(Path.of(home, ".terraform.d", "plugins"));
		candidates.add(Path.of(home, ".local", "share", "terraform", "plugins"));
		candidates.add(Path.of("/usr/local/share/terraform/plugins"));
		candidates.add(Path.of("/usr/share/terraform/plugins"));
		return candidates.stream().filter((candidate) -> Files.isDirectory(candidate.resolve(AWS_PROVIDER))).findFirst();
	}

}
