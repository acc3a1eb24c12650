package com.mclass.enrollment.idempotency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.ObjectMapper;

/**
 * The canonical form of a request body for idempotency: objects with their keys sorted at every depth, arrays in
 * their order, no whitespace. Two bodies that differ only in key order or formatting are the same request.
 */
public final class CanonicalJson {

	private CanonicalJson() {
	}

	public static String of(ObjectMapper json, Object body) {
		return json.writeValueAsString(sorted(body));
	}

	private static Object sorted(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new TreeMap<>();
			map.forEach((key, nested) -> copy.put(String.valueOf(key), sorted(nested)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((nested) -> copy.add(sorted(nested)));
			return copy;
		}
		return value;
	}

}
