package com.mclass.launcher.service;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Spots a failed Spring Boot start in a service's log while its JVM lingers: when the context fails but some
 * non-daemon thread survives, the process neither exits nor becomes ready, and only the log tells. Reads only
 * what was appended since the last look.
 */
final class StartupFailures {

	private static final List<String> FATAL_MARKERS = List.of("Application run failed",
			"Exception in thread \"main\"");

	// Reading the log four times a second would be wasteful; once a second is plenty to fail fast.
	private static final long SCAN_INTERVAL_NANOS = 1_000_000_000L;

	private final Path logFile;

	private long scannedUpTo;

	private long lastScan;

	private String partialLine = "";

	StartupFailures(Path logFile) {
		this.logFile = logFile;
		this.lastScan = System.nanoTime() - SCAN_INTERVAL_NANOS; // the first call scans
	}

	/** The first fatal marker found since the last call, or {@code null}. */
	String scan() {
		long now = System.nanoTime();
		if (now - this.lastScan < SCAN_INTERVAL_NANOS) {
			return null;
		}
		this.lastScan = now;
		try (RandomAccessFile file = new RandomAccessFile(this.logFile.toFile(), "r")) {
			long length = file.length();
			if (length <= this.scannedUpTo) {
				return null;
			}
			byte[] appended = new byte[(int) Math.min(length - this.scannedUpTo, 4 * 1024 * 1024)];
			file.seek(this.scannedUpTo);
			file.readFully(appended);
			this.scannedUpTo += appended.length;
			String text = this.partialLine + new String(appended, StandardCharsets.UTF_8);
			int lastNewline = text.lastIndexOf('\n');
			this.partialLine = (lastNewline >= 0) ? text.substring(lastNewline + 1) : text;
			String complete = (lastNewline >= 0) ? text.substring(0, lastNewline) : "";
			return FATAL_MARKERS.stream().filter(complete::contains).findFirst().orElse(null);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
