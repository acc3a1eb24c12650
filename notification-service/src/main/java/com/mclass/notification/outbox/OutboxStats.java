package com.mclass.notification.outbox;

/**
 * The outbox at a glance, for enrollment-service's admin dashboard.
 *
 * @param oldestPendingAgeSeconds how long the oldest unsent email has waited; 0 when none waits
 */
public record OutboxStats(long pending, long failed, long sent, long oldestPendingAgeSeconds) {
}
