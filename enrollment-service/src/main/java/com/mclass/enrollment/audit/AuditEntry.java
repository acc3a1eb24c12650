package com.mclass.enrollment.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One line of the audit feed.
 * @param actorType {@code ADMIN}, {@code SYSTEM} or {@code USER}; {@code null} when the event does not say who
 * (class-service's events do not)
 * @param subjectType {@code ENROLLMENT}, {@code CLASS} or {@code USER}
 * @param details what changed, by type: {@code mclassId, from, to, reason} for an enrollment; {@code fromCapacity,
 * toCapacity, fromWaitlistCapacity, toWaitlistCapacity, classVersion} for a class; {@code email, fromRole, toRole} for
 * a user
 */
public record AuditEntry(AuditType type, Instant occurredAt, String actorType, UUID actorId, String subjectType, UUID subjectId,
		Map<String, Object> details) {
}
