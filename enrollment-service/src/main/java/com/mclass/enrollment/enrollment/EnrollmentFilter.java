package com.mclass.enrollment.enrollment;

import java.time.Instant;
import java.util.UUID;

/** Which enrollments a listing shows; {@code null} matches anything. {@code from} and {@code to} bound applied time. */
public record EnrollmentFilter(UUID mclassId, EnrollmentStatus status, UUID userId, Instant from, Instant to) {
}
