package com.mclass.classes.formrules;

import java.util.List;

/**
 * A rule a form or an answer breaks.
 *
 * @param field the path of the offending value as the client sent it, e.g. {@code questions[1].options[0]} or
 * {@code answers.phone}
 * @param code a stable code (see {@link QuestionRules} and {@link AnswerValidator} for the lists)
 * @param arguments positional arguments of the message, e.g. the maximum length for {@code tooLong}
 */
public record Violation(String field, String code, List<Object> arguments) {

	public Violation {
		arguments = List.copyOf(arguments);
	}

	Violation(String field, String code) {
		this(field, code, List.of());
	}

	/** The key of this violation's text in a message bundle: {@code formrules.<code>}. */
	public String messageKey() {
		return "formrules." + this.code;
	}

}
