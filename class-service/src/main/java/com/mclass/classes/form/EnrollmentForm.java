package com.mclass.classes.form;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mclass.formrules.Question;

/**
 * One published version of a class's enrollment form. Versions are never changed or removed: an enrollment keeps
 * the version it answered, and that version stays readable. The highest version is the active one.
 */
public record EnrollmentForm(UUID id, UUID classId, int version, String title, String description, List<Question> questions,
		UUID createdBy, Instant createdAt) {
}
