/**
 * Enrollment forms: append-only versions of a class's questions, checked with form-rules and published as
 * {@code EnrollmentFormPublished}; {@code web/} is the HTTP adapter ({@code /api/mclasses/{id}/enrollment-form}).
 */
package com.mclass.classes.form;
