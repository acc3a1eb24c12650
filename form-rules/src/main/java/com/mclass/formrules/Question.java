package com.mclass.formrules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One question of a published enrollment form, as in the plan's model and as class-service's events and API carry
 * it: every component is written, absent ones as {@code null}. A form an admin submits is read as
 * {@link QuestionDraft}s first, because its types may not be known yet.
 *
 * @param id unique within the form, {@code [A-Za-z0-9_-]{1,50}}; answers are keyed by it
 * @param required whether an answer must be given ({@code agreeTerms}: must be {@code true}); omitted or
 * {@code null} means {@code false}, so it is never {@code null} once constructed
 * @param options the choices of radio, checkbox and select questions
 * @param validation optional length and pattern rules for free-text answers
 */
public record Question(String id, QuestionType type, String label, Boolean required, List<String> options,
		String placeholder, AnswerConstraints validation) {

	public Question {
		// A wrapper read as false when omitted: Jackson 3 refuses a missing primitive by default.
		required = Boolean.TRUE.equals(required);
		options = copyOf(options);
	}

	/** A copy that tolerates null elements: a null option is reported by the rules, not thrown while reading. */
	static List<String> copyOf(List<String> options) {
		return (options != null) ? Collections.unmodifiableList(new ArrayList<>(options)) : null;
	}

	/**
	 * Lengths count Unicode code points (a Hangul syllable or an emoji is one).
	 *
	 * @param pattern a regular expression the whole answer must match; only patterns {@link SafePattern} accepts. A
	 * blank pattern means none: form builders tend to send {@code ""} for an empty input.
	 */
	public record AnswerConstraints(Integer minLength, Integer maxLength, String pattern) {

		/** True when nothing is set, which is treated like no {@code validation} at all. */
		public boolean declaresNothing() {
			return this.minLength == null && this.maxLength == null && !hasPattern();
		}

		public boolean hasPattern() {
			return this.pattern != null && !this.pattern.isBlank();
		}

	}

}
