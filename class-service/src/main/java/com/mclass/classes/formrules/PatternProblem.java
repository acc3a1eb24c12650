package com.mclass.classes.formrules;

/** Why {@link SafePattern} refuses a regular expression; {@link #code()} is the violation code. */
public enum PatternProblem {

	/** Longer than {@link SafePattern#MAX_LENGTH} characters. */
	TOO_LONG("patternTooLong"),
	/** Not a valid Java regular expression. */
	INVALID("patternInvalid"),
	/** {@code \1} or {@code \k<name>}: matching them is not bounded by any automaton. */
	BACKREFERENCE("patternBackreference"),
	/** {@code (?=…)}, {@code (?!…)}, {@code (?<=…)}, {@code (?<!…)}. */
	LOOKAROUND("patternLookaround"),
	/** A repeated group that itself repeats, e.g. {@code (a+)+} or {@code (a*)*}: exponential backtracking. */
	NESTED_QUANTIFIER("patternNestedQuantifier"),
	/** A repeated group whose alternatives can match the same text, e.g. {@code (a|a)*} or {@code (a|ab)+}. */
	AMBIGUOUS_ALTERNATION("patternAmbiguousAlternation"),
	/** Atomic groups, comments mode and other constructs the safety analysis does not model. */
	UNSUPPORTED_CONSTRUCT("patternUnsupported");

	private final String code;

	PatternProblem(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
