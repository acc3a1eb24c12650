/**
 * The admin audit feed (docs/decisions/0007-the-audit-feed-in-enrollment-service.md): enrollment decisions from the
 * enrollments' history, next to the class and user changes other services announce on Kafka ({@code ClassUpdated}
 * capacity changes, auth-service's {@code UserRoleChanged}, {@code UserDisabled}, {@code UserEnabled}), read by a
 * consumer group of its own and kept once per event id. {@code web/} serves it as JSON pages or a CSV stream.
 */
package com.mclass.enrollment.audit;
