/**
 * A request whose pooled connection broke before any answer is sent once more, only if it may arrive twice (a GET,
 * HEAD or OPTIONS, or an {@code Idempotency-Key}).
 */
package com.mclass.gateway.retry;
