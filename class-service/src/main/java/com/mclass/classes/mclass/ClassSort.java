package com.mclass.classes.mclass;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The order of a class list, from {@code sort=<field>[,asc|desc]}. Only listed fields may be sorted on: each maps to a
 * column, and the common ones have an index (V2 migration). The id breaks ties so that pages never overlap.
 */
public record ClassSort(String field, boolean descending) {

	public static final ClassSort DEFAULT = new ClassSort("createdAt", true);

	private static final Map<String, String> COLUMNS = Map.of("createdAt", "created_at", "recruitStartAt", "recruit_start_at",
			"recruitEndAt", "recruit_end_at", "startAt", "start_at", "title", "title");

	/** The fields clients may sort on, for error messages. */
	public static final String ALLOWED = "createdAt, recruitStartAt, recruitEndAt, startAt, title";

	/** The order {@code sort} asks for, or empty when it names an unknown field or direction. */
	public static Optional<ClassSort> parse(String sort) {
		if (sort == null || sort.isBlank()) {
			return Optional.of(DEFAULT);
		}
		String[] parts = sort.split(",", -1);
		if (parts.length > 2 || !COLUMNS.containsKey(parts[0].trim())) {
			return Optional.empty();
		}
		String direction = (parts.length == 2) ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
		if (!direction.equals("asc") && !direction.equals("desc")) {
			return Optional.empty();
		}
		return Optional.of(new ClassSort(parts[0].trim(), direction.equals("desc")));
	}

	String orderBy() {
		String direction = this.descending ? " desc" : " asc";
		return COLUMNS.get(this.field) + direction + ", id" + direction;
	}

}
