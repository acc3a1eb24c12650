package com.mclass.enrollment.idempotency;

/** A response as it was sent: status and the exact JSON body. */
public record StoredResponse(int status, String body) {
}
