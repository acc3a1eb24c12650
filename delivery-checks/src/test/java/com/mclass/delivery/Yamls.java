package com.mclass.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Walking parsed YAML/JSON-like trees (maps, lists, scalars). */
final class Yamls {

	private Yamls() {
	}

	/** The value at a path of map keys (each element one key, so keys may contain dots), or null. */
	static Object at(Object root, String... keys) {
		Object current = root;
		for (String key : keys) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		return Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		if (value instanceof List<?> list) {
			return (List<Object>) list;
		}
		return List.of();
	}

	static String string(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	/**
	 * Spring-style flat keys: nested maps joined with dots, list elements as {@code [i]}, keys that are already
	 * bracketed ({@code "[mail.smtp.auth]"}) appended as they are.
	 */
	static Map<String, Object> flatten(Object root) {
		Map<String, Object> flat = new LinkedHashMap<>();
		flatten("", root, flat);
		return flat;
	}

	private static void flatten(String prefix, Object value, Map<String, Object> flat) {
		if (value instanceof Map<?, ?> map) {
			if (map.isEmpty() && !prefix.isEmpty()) {
				flat.put(prefix, map);
			}
			map.forEach((key, child) -> flatten(join(prefix, String.valueOf(key)), child, flat));
		}
		else if (value instanceof List<?> list) {
			if (list.isEmpty() && !prefix.isEmpty()) {
				flat.put(prefix, list);
			}
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), flat);
			}
		}
		else {
			flat.put(prefix, value);
		}
	}

	private static String join(String prefix, String key) {
		if (prefix.isEmpty()) {
			return key;
		}
		return key.startsWith("[") ? prefix + key : prefix + "." + key;
	}

	/**
	 * Deep merge: {@code overrides} wins over {@code base} (maps merged recursively, everything else replaced), as
	 * Helm coalesces values.
	 */
	static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overrides) {
		Map<String, Object> merged = new LinkedHashMap<>(base);
		overrides.forEach((key, value) -> {
			Object existing = merged.get(key);
			if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
				merged.put(key, merge(map(existing), map(value)));
			}
			else {
				merged.put(key, value);
			}
		});
		return merged;
	}

}
