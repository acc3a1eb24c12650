package com.mclass.platform.test;

import java.io.File;
import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/** Which kind of server backs the tests of this JVM, decided once. */
public enum Backing {

	/** Testcontainers, wired through {@code @ServiceConnection}. */
	DOCKER,
	/** A server already running (standard local port or a URL from the environment). */
	LOCAL,
	/** A server started inside the test JVM's process tree (zonky PostgreSQL, embedded Redis). */
	EMBEDDED;

	private static volatile Boolean dockerAvailable;

	/** What {@code MCLASS_TEST_INFRA} asks for, or {@code null} for the automatic choice. */
	static Backing forced() {
		String value = System.getenv("MCLASS_TEST_INFRA");
		if (value == null || value.isBlank() || value.equalsIgnoreCase("auto")) {
			return null;
		}
		return Backing.valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

	static boolean useDocker() {
		Backing forced = forced();
		if (forced != null) {
			return forced == DOCKER;
		}
		return dockerAvailable();
	}

	private static boolean dockerAvailable() {
		Boolean known = dockerAvailable;
		if (known == null) {
			// Asking Testcontainers when no engine can exist costs seconds of retries; look for a socket first.
			boolean candidate = System.getenv("DOCKER_HOST") != null || new File("/var/run/docker.sock").exists();
			boolean available = false;
			if (candidate) {
				try {
					available = DockerClientFactory.instance().isDockerAvailable();
				}
				catch (RuntimeException | LinkageError ex) {
					available = false;
				}
			}
			dockerAvailable = known = available;
		}
		return known;
	}

}
