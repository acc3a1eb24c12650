package com.mclass.enrollment.enrollment.web;

import java.util.Map;

import jakarta.validation.constraints.Size;

/** {@code {answers: {questionId: value}}}; a class without a form takes no answers (or none at all). */
record EnrollRequest(@Size(max = 100) Map<String, Object> answers) {

	Map<String, Object> answersOrEmpty() {
		return (this.answers != null) ? this.answers : Map.of();
	}

}
