package com.mclass.enrollment.enrollment;

import java.time.Instant;

/**
 * One row of an enrollment's history: the status it left ({@code null} for the first row), the status it entered,
 * who made the change, the reason given, and when.
 */
public record Transition(EnrollmentStatus from, EnrollmentStatus to, Actor actor, String reason, Instant occurredAt) {
}
