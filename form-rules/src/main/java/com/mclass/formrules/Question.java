package com.mclass.formrules;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One question of an enrollment form, as in the plan's model.
 *
 * @param id unique within the form; answers are keyed by it
 * @param options the choices of radio, checkbox and select questions
 * @param validation optional length and pattern rules for free-text answers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(String id, QuestionType type, String label, boolean required, List<String> options,
		String placeholder, AnswerConstraints validation) {

	/**
	 * @param pattern a regular expression the whole answer must match; only patterns {@link SafePattern} accepts
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AnswerConstraints(Integer minLength, Integer maxLength, String pattern) {
	}

}
