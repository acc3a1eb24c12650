package com.mclass.delivery;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/** External validators (docker-compose, promtool, terraform), run with a timeout. */
final class Tools {

	private Tools() {
	}

	record Result(int exitCode, String output) {

		boolean ok() {
			return this.exitCode == 0;
		}

	}

	static Optional<Path> find(String binary) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory, binary);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/** The binary, or a failure that says which Debian package brings it (these checks never skip silently). */
	static Path require(String binary, String aptPackage) {
		return find(binary).orElseGet(() -> fail(binary + " is not installed, so this check cannot run. Install it with "
				+ "`apt-get install -y " + aptPackage + "` (CI: .ci/run installs it)."));
	}

	static Result run(Path directory, Duration timeout, List<String> command) {
		return run(directory, timeout, command, java.util.Map.of());
	}

	/** With {@code environment} added to this process's own. */
	static Result run(Path directory, Duration timeout, List<String> command, java.util.Map<String, String> environment) {
		try {
			Path output = Files.createTempFile("delivery-check", ".out");
			try {
				ProcessBuilder builder = new ProcessBuilder(command);
				builder.environment().putAll(environment);
				Process process = builder.directory(directory.toFile())
					.redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
					.start();
				if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					process.destroyForcibly();
					process.waitFor(10, TimeUnit.SECONDS);
					return new Result(-1, "timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command)
							+ "\n" + Files.readString(output, StandardCharsets.UTF_8));
				}
				return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + command, ex);
		}
	}

}
