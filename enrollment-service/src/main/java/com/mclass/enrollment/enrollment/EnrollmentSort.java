package com.mclass.enrollment.enrollment;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The orders a listing of enrollments can take ({@code sort=appliedAt,desc}): a whitelist of fields, each mapped to
 * its column, the id breaking ties so pages never overlap.
 */
public record EnrollmentSort(String column, boolean descending) {

	public static final EnrollmentSort NEWEST_FIRST = new EnrollmentSort("applied_at", true);

	private static final Map<String, String> FIELDS = Map.of("appliedAt", "applied_at", "decidedAt", "decided_at", "canceledAt",
			"canceled_at", "status", "status", "mclassId", "mclass_id");

	/** Parses {@code field[,asc|desc]}; empty when the field is not sortable or the direction unknown. */
	public static Optional<EnrollmentSort> parse(String sort) {
		if (sort == null || sort.isBlank()) {
			return Optional.of(NEWEST_FIRST);
		}
		String[] parts = sort.split(",", -1);
		String column = FIELDS.get(parts[0].strip());
		if (column == null || parts.length > 2) {
			return Optional.empty();
		}
		String direction = (parts.length == 2) ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
		if (!direction.equals("asc") && !direction.equals("desc")) {
			return Optional.empty();
		}
		return Optional.of(new EnrollmentSort(column, direction.equals("desc")));
	}

	public static String sortableFields() {
		return String.join(", ", new TreeSet<>(FIELDS.keySet()));
	}

	String orderBy() {
		String direction = this.descending ? " DESC" : " ASC";
		return this.column + direction + " NULLS LAST, id" + direction;
	}

}
