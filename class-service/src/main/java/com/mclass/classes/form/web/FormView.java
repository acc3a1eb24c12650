package com.mclass.classes.form.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.mclass.classes.form.EnrollmentForm;
import com.mclass.formrules.Question;

/** A version of a form as clients read it; {@code isActive} marks the version new enrollments answer. */
record FormView(UUID id, UUID mclassId, int version, String title, String description, List<Question> questions,
		@JsonProperty("isActive") boolean isActive, Instant createdAt) {

	static FormView of(EnrollmentForm form, int activeVersion) {
		return new FormView(form.id(), form.classId(), form.version(), form.title(), form.description(), form.questions(),
				form.version() == activeVersion, form.createdAt());
	}

}
