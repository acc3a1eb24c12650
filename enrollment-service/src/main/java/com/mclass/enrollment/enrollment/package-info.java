/**
 * Enrollments: the aggregate and its repository with the history (audit), the status rules in one place
 * ({@code EnrollmentPolicy}), the use cases — {@code Enrolling} (the hot path), {@code EditingAnswers},
 * {@code CancelingEnrollment} — every status change with what it entails ({@code EnrollmentTransitions}), and the
 * enrollment events written to the outbox; {@code web/} is the students' HTTP adapter.
 */
package com.mclass.enrollment.enrollment;
