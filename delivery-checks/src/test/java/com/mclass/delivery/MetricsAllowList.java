package com.mclass.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** observability/metrics-exposed.txt: the metric names rules and dashboards may use, who exposes them, and when. */
final class MetricsAllowList {

	static final String FILE = "observability/metrics-exposed.txt";

	/**
	 * @param name the metric as scraped
	 * @param exposedBy service names, or {@code prometheus}
	 * @param lazy registered on first use only
	 * @param environment variables the services must run with for it to exist
	 */
	record Entry(String name, List<String> exposedBy, boolean lazy, Map<String, String> environment, int line) {
	}

	private MetricsAllowList() {
	}

	static Map<String, Entry> entries() {
		Map<String, Entry> entries = new LinkedHashMap<>();
		String[] lines = Repo.read(FILE).split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].replaceAll("#.*", "").strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] columns = line.split("\\s+");
			if (columns.length < 2) {
				throw new IllegalArgumentException(FILE + ":" + (i + 1) + ": expected `<metric> <services> [flags]`");
			}
			boolean lazy = false;
			Map<String, String> environment = new LinkedHashMap<>();
			for (int c = 2; c < columns.length; c++) {
				if (columns[c].equals("lazy") || columns[c].equals("dead-letter")) {
					lazy = true; // dead-letter: lazy, and only the first dead letter registers it
				}
				else if (columns[c].matches("env:[A-Z][A-Z0-9_]*=.+")) {
					String assignment = columns[c].substring(4);
					environment.put(assignment.substring(0, assignment.indexOf('=')),
							assignment.substring(assignment.indexOf('=') + 1));
				}
				else {
					throw new IllegalArgumentException(FILE + ":" + (i + 1) + ": unknown flag " + columns[c]);
				}
			}
			if (entries.containsKey(columns[0])) {
				throw new IllegalArgumentException(FILE + ":" + (i + 1) + ": " + columns[0] + " listed twice");
			}
			entries.put(columns[0], new Entry(columns[0], new ArrayList<>(List.of(columns[1].split(","))), lazy,
					environment, i + 1));
		}
		return entries;
	}

}
