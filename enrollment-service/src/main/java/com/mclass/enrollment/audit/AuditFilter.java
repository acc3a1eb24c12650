package com.mclass.enrollment.audit;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which entries of the feed to show; every part is optional.
 * @param types any of these (empty: all)
 * @param actorId made by this admin
 * @param subjectId about this enrollment, class or user; a class also matches the decisions on its enrollments
 * @param from at or after this instant
 * @param to before this instant
 */
public record AuditFilter(Set<AuditType> types, UUID actorId, UUID subjectId, Instant from, Instant to) {

	public AuditFilter {
		types = (types != null) ? Set.copyOf(types) : Set.of();
	}

	boolean includes(AuditType type) {
		return this.types.isEmpty() || this.types.contains(type);
	}

}
