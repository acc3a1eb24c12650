package com.mclass.enrollment.enrollment;

import java.util.Map;
import java.util.UUID;

import com.mclass.enrollment.idempotency.IdempotentRequest;

/** A student's request to enroll in a class, with its Idempotency-Key. */
public record EnrollCommand(UUID userId, boolean signupCompleted, Recipient recipient, UUID classId, Map<String, Object> answers,
		IdempotentRequest request) {
}
