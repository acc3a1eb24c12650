package com.mclass.classes.formrules;

/**
 * The optional {@code validation} of a free-text question: lengths in Unicode code points (a Hangul syllable or an
 * emoji counts as one) and a regular expression the whole answer must match (see {@link SafePattern}).
 */
public record QuestionValidation(Integer minLength, Integer maxLength, String pattern) {

	/** True when nothing is set, which is treated like no {@code validation} at all. */
	public boolean declaresNothing() {
		return this.minLength == null && this.maxLength == null && !hasPattern();
	}

	/** A blank pattern means "no pattern": form builders tend to send {@code ""} for an empty input. */
	public boolean hasPattern() {
		return this.pattern != null && !this.pattern.isBlank();
	}

}
