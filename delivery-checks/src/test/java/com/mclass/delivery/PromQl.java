package com.mclass.delivery;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metric names in a PromQL expression (Grafana variables allowed), without a PromQL parser. */
final class PromQl {

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"offset", "bool", "and", "or", "unless", "atan2", "inf", "nan");

	private PromQl() {
	}

	static Set<String> metricNames(String expression) {
		String e = expression;
		e = e.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
		e = e.replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''");
		e = e.replaceAll("\\$\\{?[A-Za-z_][A-Za-z0-9_]*(?::[a-z]+)?}?", " ");
		e = e.replaceAll("\\{[^}]*}", " ");
		e = e.replaceAll("\\[[^\\]]*]", " ");
		e = e.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Set<String> names = new TreeSet<>();
		Matcher token = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*").matcher(e);
		while (token.find()) {
			String name = token.group();
			int start = token.start();
			if (start > 0 && (Character.isDigit(e.charAt(start - 1)) || e.charAt(start - 1) == '.')) {
				continue; // 1e3, 0.5e2
			}
			if (e.substring(token.end()).stripLeading().startsWith("(")) {
				continue; // a function
			}
			if (KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
				continue;
			}
			names.add(name);
		}
		return names;
	}

	/** The metric of a Grafana {@code label_values(metric, label)} / {@code query_result(...)} variable query. */
	static Set<String> variableQueryMetricNames(String query) {
		Matcher labelValues = Pattern.compile("label_values\\(\\s*([^,)]+)").matcher(query);
		if (labelValues.find()) {
			return metricNames(labelValues.group(1));
		}
		Matcher queryResult = Pattern.compile("query_result\\((.*)\\)\\s*$").matcher(query);
		if (queryResult.find()) {
			return metricNames(queryResult.group(1));
		}
		return Set.of();
	}

	/** A Grafana expression as Prometheus sees it: the built-in interval variables and $variables substituted. */
	static String forPrometheus(String expression) {
		return expression.replace("$__rate_interval", "5m")
			.replace("$__interval", "1m")
			.replace("$__range", "1h")
			.replaceAll("\\$\\{?[A-Za-z_][A-Za-z0-9_]*(?::[a-z]+)?}?", ".*");
	}

}
