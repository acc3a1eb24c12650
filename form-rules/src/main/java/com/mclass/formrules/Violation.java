package com.mclass.formrules;

import java.util.List;

/**
 * A rule a form or an answer breaks. {@code field} is the path the client sent ({@code questions[2].options},
 * {@code answers.phone}); {@code code} names the rule so each service can word it in the client's language
 * ({@link #messageKey()}); {@code arguments} fill the wording's placeholders ({@code {0}}, {@code {1}});
 * {@code defaultMessage} is the English wording, with the same placeholders.
 */
public record Violation(String field, String code, List<Object> arguments, String defaultMessage) {

	public Violation {
		arguments = (arguments != null) ? List.copyOf(arguments) : List.of();
	}

	static Violation of(String field, String code, String defaultMessage, Object... arguments) {
		return new Violation(field, code, List.of(arguments), defaultMessage);
	}

	/** The key of this violation's text in a service's message bundles: {@code form.reason.<code>}. */
	public String messageKey() {
		return "form.reason." + this.code;
	}

}
