package com.mclass.launcher.service;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end of a service's log, made readable for a person: the services log ECS JSON, one event per line, which
 * is right for machines but hard to read in a terminal, so JSON lines are rendered as
 * {@code time LEVEL logger: message} plus the start of the stack trace.
 */
public final class LogTail {

	// Enough for the last few dozen events even when they carry long stack traces.
	private static final int READ_BYTES = 256 * 1024;

	private static final int STACK_TRACE_LINES = 25;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private LogTail() {
	}

	/** The last {@code lines} lines of the file, rendered; a note instead when there is no log yet. */
	public static String of(Path logFile, int lines) {
		if (!Files.isRegularFile(logFile)) {
			return "(no log at " + logFile + ")";
		}
		List<String> tail = lastLines(logFile, lines);
		if (tail.isEmpty()) {
			return "(the log " + logFile + " is empty)";
		}
		StringBuilder rendered = new StringBuilder();
		for (String line : tail) {
			rendered.append(render(line)).append('\n');
		}
		return rendered.toString().stripTrailing();
	}

	private static List<String> lastLines(Path logFile, int lines) {
		try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
			long start = Math.max(0, file.length() - READ_BYTES);
			byte[] bytes = new byte[(int) (file.length() - start)];
			file.seek(start);
			file.readFully(bytes);
			List<String> all = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n")));
			if (start > 0 && !all.isEmpty()) {
				all.remove(0); // most likely cut in the middle
			}
			all.removeIf(String::isBlank);
			return all.subList(Math.max(0, all.size() - lines), all.size());
		}
		catch (IOException ex) {
			return List.of("(could not read " + logFile + ": " + ex.getMessage() + ")");
		}
	}

	static String render(String line) {
		if (!line.startsWith("{")) {
			return line;
		}
		try {
			JsonNode event = JSON.readTree(line);
			StringBuilder rendered = new StringBuilder();
			rendered.append(text(event, "@timestamp")).append(' ')
				.append(text(event, "log.level")).append(' ')
				.append(text(event, "log.logger")).append(": ")
				.append(text(event, "message"));
			String stackTrace = text(event, "error.stack_trace");
			if (!stackTrace.isEmpty()) {
				String[] stackLines = stackTrace.split("\r?\n");
				for (int i = 0; i < Math.min(stackLines.length, STACK_TRACE_LINES); i++) {
					rendered.append("\n    ").append(stackLines[i].strip());
				}
				if (stackLines.length > STACK_TRACE_LINES) {
					rendered.append("\n    … ").append(stackLines.length - STACK_TRACE_LINES).append(" more lines");
				}
			}
			return rendered.toString();
		}
		catch (RuntimeException ex) {
			return line;
		}
	}

	/** ECS fields may be written flat ({@code "log.level"}) or nested ({@code "log":{"level"}}); read either. */
	private static String text(JsonNode event, String dottedName) {
		JsonNode flat = event.get(dottedName);
		if (flat != null && !flat.isNull()) {
			return flat.asString();
		}
		JsonNode node = event;
		for (String part : dottedName.split("\\.")) {
			node = node.path(part);
		}
		return (node.isMissingNode() || node.isNull()) ? "" : node.asString();
	}

}
