package com.mclass.formrules;

import java.util.List;

/**
 * Why {@link SafePattern} refuses a regular expression. {@link #code()} is the violation code, so an admin learns
 * which construct to remove rather than only that the pattern is "unsafe".
 */
enum PatternProblem {

	/** Longer than {@link SafePattern#MAX_LENGTH} characters. */
	TOO_LONG("patternTooLong", "must be at most {0} characters long"),
	/** Not a valid Java regular expression. */
	INVALID("patternInvalid", "is not a valid regular expression"),
	/** {@code \1} or {@code \k<name>}: matching them is not bounded by any automaton. */
	BACKREFERENCE("patternBackreference", "must not use back-references (\\1, \\k<name>)"),
	/** {@code (?=…)}, {@code (?!…)}, {@code (?<=…)}, {@code (?<!…)}. */
	LOOKAROUND("patternLookaround", "must not use lookahead or lookbehind"),
	/** A repeated group that itself repeats, e.g. {@code (a+)+} or {@code (a*)*}: exponential backtracking. */
	NESTED_QUANTIFIER("patternNestedQuantifier", "must not repeat a group that itself repeats, as in (a+)+"),
	/** A repeated group whose alternatives can match the same text, e.g. {@code (a|a)*} or {@code (a|ab)+}. */
	AMBIGUOUS_ALTERNATION("patternAmbiguousAlternation", "must not repeat alternatives that can start alike, as in (a|ab)*"),
	/** Atomic groups, comments mode and other constructs the safety analysis does not model. */
	UNSUPPORTED_CONSTRUCT("patternUnsupported", "uses a construct that is not supported");

	private final String code;

	private final String defaultMessage;

	PatternProblem(String code, String defaultMessage) {
		this.code = code;
		this.defaultMessage = defaultMessage;
	}

	String code() {
		return this.code;
	}

	String defaultMessage() {
		return this.defaultMessage;
	}

	List<Object> arguments() {
		return (this == TOO_LONG) ? List.of(SafePattern.MAX_LENGTH) : List.of();
	}

}
