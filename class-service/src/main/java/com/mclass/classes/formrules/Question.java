package com.mclass.classes.formrules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One question of an enrollment form, exactly as clients and events carry it (ARCHITECTURE.md §4). {@code type} stays
 * a string so that an unknown type is reported as a field error by {@link QuestionRules} rather than failing to read.
 *
 * @param id unique within the form, {@code [A-Za-z0-9_-]{1,50}}; the key of the answer
 * @param type one of {@link QuestionType}'s wire names
 * @param label what the applicant reads, 1–200 characters
 * @param required whether an answer must be given ({@code agreeTerms}: must be {@code true}); omitted means
 * {@code false}, never {@code null} once constructed
 * @param options the choices of radio, checkbox and select questions; absent otherwise
 * @param placeholder a hint shown in an empty input, up to 200 characters
 * @param validation lengths and pattern for free-text questions
 */
public record Question(String id, String type, String label, Boolean required, List<String> options, String placeholder,
		QuestionValidation validation) {

	public Question {
		// A wrapper read as false when omitted: JSON libraries may refuse a missing primitive (Jackson 3 does by default).
		required = Boolean.TRUE.equals(required);
		// A copy that tolerates null elements: a null option is reported by the rules, not thrown while reading.
		options = (options != null) ? Collections.unmodifiableList(new ArrayList<>(options)) : null;
	}

	public Optional<QuestionType> questionType() {
		return QuestionType.fromWireName(this.type);
	}

}
