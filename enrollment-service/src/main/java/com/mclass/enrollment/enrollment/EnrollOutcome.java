package com.mclass.enrollment.enrollment;

import com.mclass.enrollment.idempotency.StoredResponse;

/**
 * How an enrollment request was answered: the response (stored with the Idempotency-Key), and whether it is the
 * replay of an earlier one.
 */
public record EnrollOutcome(StoredResponse response, boolean replayed) {
}
