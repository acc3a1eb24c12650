package com.mclass.enrollment.enrollment;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An enrollment as its owner sees it (docs/architecture.md, "HTTP contract"); {@code offerExpiresAt} is set while it
 * is OFFERED: the seat is theirs if they accept before then.
 */
public record EnrollmentView(UUID id, UUID mclassId, UUID userId, EnrollmentStatus status, Map<String, Object> answers,
		Integer formVersion, Instant appliedAt, Instant decidedAt, Instant canceledAt, String reason, Instant offerExpiresAt) {

	public static EnrollmentView of(Enrollment enrollment) {
		return new EnrollmentView(enrollment.id(), enrollment.mclassId(), enrollment.userId(), enrollment.status(),
				enrollment.answers(), enrollment.formVersion(), enrollment.appliedAt(), enrollment.decidedAt(),
				enrollment.canceledAt(), enrollment.reason(), enrollment.offerExpiresAt());
	}

}
