package com.mclass.classes.form;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mclass.formrules.Question;

/**
 * A new version of a class's form is now the active one. Carries the questions, so that enrollment-service can check
 * answers (with form-rules' {@code FormRules.checkAnswers}) and snapshot the form without calling back.
 */
public record EnrollmentFormPublished(UUID classId, UUID formId, int formVersion, String title, String description,
		List<Question> questions, Instant publishedAt) {

	static EnrollmentFormPublished of(EnrollmentForm form) {
		return new EnrollmentFormPublished(form.classId(), form.id(), form.version(), form.title(), form.description(),
				form.questions(), form.createdAt());
	}

}
