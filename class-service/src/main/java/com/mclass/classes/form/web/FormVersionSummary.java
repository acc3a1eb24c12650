package com.mclass.classes.form.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.mclass.classes.form.EnrollmentForm;

/** One line of a form's history. */
record FormVersionSummary(int version, String title, int questionCount, @JsonProperty("isActive") boolean isActive, Instant createdAt) {

	static FormVersionSummary of(EnrollmentForm form, int activeVersion) {
		return new FormVersionSummary(form.version(), form.title(), form.questions().size(), form.version() == activeVersion,
				form.createdAt());
	}

}
