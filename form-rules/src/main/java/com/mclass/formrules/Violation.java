package com.mclass.formrules;

import java.util.List;

/**
 * A rule a form or an answer breaks. {@code field} is the path the client sent ({@code questions[2].options},
 * {@code answers.phone}); {@code code} names the rule so each service can word it in the client's language
 * ({@code form.reason.<code>}); {@code arguments} fill the wording's placeholders; {@code defaultMessage} is English.
 */
public record Violation(String field, String code, List<Object> arguments, String defaultMessage) {

	static Violation of(String field, String code, String defaultMessage, Object... arguments) {
		return new Violation(field, code, List.of(arguments), defaultMessage);
	}

}
