package com.mclass.enrollment.enrollment;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One student's application to one class and where it stands. {@code formVersion} names the form it answered (its
 * questions are kept per version in {@code form_snapshot}); {@code reason} is the last transition's reason;
 * {@code offerExpiresAt} is the deadline of an OFFERED enrollment (null in every other status).
 */
public record Enrollment(UUID id, UUID mclassId, UUID userId, EnrollmentStatus status, Map<String, Object> answers,
		Integer formVersion, String reason, Instant appliedAt, Instant decidedAt, UUID decidedBy, Instant canceledAt,
		Recipient recipient, Instant offerExpiresAt) {
}
