package com.mclass.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rush page in headless Chromium: {@code src/test/browser/rush.test.mjs} (playwright-core driving Debian's
 * {@code chromium}) signs in, joins the waiting room, is admitted, enrolls, sees APPROVED and then a cancel made
 * elsewhere arrive over the live stream. Screenshots go to {@code target/browser/}.
 *
 * <p>Needs {@code node} and {@code /usr/bin/chromium} (or {@code MCLASS_CHROMIUM}); {@code npm ci} is run here when
 * {@code node_modules} is missing. In CI ({@code CI=true}) their absence fails the test; on a developer machine the test
 * is aborted with a message saying what to install.
 */
@ExtendWith(RunningPlatform.class)
class BrowserSystemTests {

	private static final Path BROWSER_DIR = Path.of("src/test/browser").toAbsolutePath();

	@Test
	void aStudentQueuesIsAdmittedEnrollsAndSeesTheirStatusChangeLiveOnTheRushPage(Gateway gateway) throws Exception {
		String chromium = System.getenv().getOrDefault("MCLASS_CHROMIUM", "/usr/bin/chromium");
		String node = onPath("node");
		String missing = (node == null) ? "node (apt-get install -y nodejs)"
				: !new File(chromium).canExecute() ? chromium + " (apt-get install -y chromium)" : null;
		if (missing != null) {
			String message = "The browser test needs " + missing + "; then run it again (npm ci in " + BROWSER_DIR + " is done here).";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new AssertionError(message);
			}
			Assumptions.abort(message);
		}
		if (!Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) {
			run(List.of(onPath("npm"), "ci", "--no-audit", "--no-fund"), BROWSER_DIR, 300);
		}

		String admin = Accounts.adminToken(gateway);
		String classId = QueueSystemTests.createProtectedClass(gateway, admin);
		JsonNode student = Accounts.registerStudent(gateway, "브라우저");
		Path screenshots = Path.of("target/browser").toAbsolutePath();
		ProcessBuilder test = new ProcessBuilder(node, "rush.test.mjs").directory(BROWSER_DIR.toFile()).redirectErrorStream(true);
		test.environment().put("GATEWAY_URL", gateway.url().toString().replaceAll("/$", ""));
		test.environment().put("CLASS_ID", classId);
		test.environment().put("EMAIL", student.path("user").path("email").asString());
		test.environment().put("PASSWORD", "correct horse battery staple");
		test.environment().put("SCREENSHOT_DIR", screenshots.toString());
		test.environment().put("CHROMIUM", chromium);
		String output = run(test, 240);
		JsonNode result = Gateway.json.readTree(lastLine(output));
		assertThat(result.path("ok").asBoolean()).as(output).isTrue();
		assertThat(result.path("steps").toString()).contains("queued and admitted", "enrolled: APPROVED", "seats went down live",
				"status changed live: CANCELED");
		assertThat(result.path("consoleErrors")).as("browser console errors").isEmpty();
		assertThat(screenshots.resolve("rush-approved.png")).exists();
		assertThat(screenshots.resolve("rush-canceled.png")).exists();
	}

	private static String onPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			File file = new File(dir, command);
			if (file.canExecute()) {
				return file.getAbsolutePath();
			}
		}
		return null;
	}

	private static String run(List<String> command, Path dir, int timeoutSeconds) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
		builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
		String output = run(builder, timeoutSeconds);
		return output;
	}

	private static String run(ProcessBuilder builder, int timeoutSeconds) throws IOException, InterruptedException {
		Path log = Files.createTempFile("mclass-browser-", ".log");
		builder.redirectOutput(log.toFile());
		Process process = builder.start();
		boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
		if (!done) {
			process.destroyForcibly();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		Files.deleteIfExists(log);
		assertThat(done).as("%s finished within %d s: %s", builder.command(), timeoutSeconds, output).isTrue();
		assertThat(process.exitValue()).as("%s: %s", builder.command(), output).isZero();
		return output;
	}

	private static String lastLine(String output) {
		String[] lines = output.strip().split("\n");
		return lines[lines.length - 1];
	}

}
