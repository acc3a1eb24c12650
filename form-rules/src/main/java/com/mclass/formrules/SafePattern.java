package com.mclass.formrules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Answer patterns are written by admins and run against every student's answer, so a pattern must not be able to
 * backtrack catastrophically. Two defences: shapes known to explode are refused when the form is published (nested
 * or alternated quantified groups, backreferences, lookarounds, long patterns), and every match runs on a budget of
 * character reads, so whatever slips through costs a bounded amount of CPU.
 */
public final class SafePattern {

	public static final int MAX_LENGTH = 200;

	private static final Pattern BACKREFERENCE = Pattern.compile("\\\\[1-9]|\\\\k<");

	private static final Pattern LOOKAROUND = Pattern.compile("\\(\\?<?[=!]");

	private final Pattern pattern;

	private SafePattern(Pattern pattern) {
		this.pattern = pattern;
	}

	/** Why a pattern is refused, or empty when it is acceptable. */
	public static Optional<String> problemWith(String regex) {
		if (regex.length() > MAX_LENGTH) {
			return Optional.of("patternTooLong");
		}
		try {
			Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			return Optional.of("patternInvalid");
		}
		if (BACKREFERENCE.matcher(regex).find() || LOOKAROUND.matcher(regex).find() || hasQuantifiedGroupWithRepetition(regex)) {
			return Optional.of("patternUnsafe");
		}
		return Optional.empty();
	}

	public static SafePattern compile(String regex) {
		problemWith(regex).ifPresent((problem) -> {
			throw new IllegalArgumentException(problem + ": " + regex);
		});
		return new SafePattern(Pattern.compile(regex));
	}

	/**
	 * Whether the whole of {@code input} matches; a match that exceeds its budget of character reads counts as no
	 * match.
	 */
	public boolean matchesFully(String input) {
		Matcher matcher = this.pattern.matcher(new BudgetedCharSequence(input, 10_000L + 200L * input.length()));
		try {
			return matcher.matches();
		}
		catch (BudgetExceeded ex) {
			return false;
		}
	}

	/**
	 * A group that is itself repeated ({@code *}, {@code +}, {@code {n,}}, {@code {n,m}} with m > 1) and contains a
	 * quantifier or an alternation is the shape behind {@code (a+)+}, {@code (a*)*}, {@code (a|a)*}. Refusing every
	 * such group is stricter than needed ({@code (ab|cd)+} is harmless) but keeps the rule simple to state.
	 */
	static boolean hasQuantifiedGroupWithRepetition(String regex) {
		int length = regex.length();
		java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>(); // {start, hasInnerRepetition}
		boolean inClass = false;
		for (int i = 0; i < length; i++) {
			char c = regex.charAt(i);
			if (c == '\\') {
				i++;
				continue;
			}
			if (inClass) {
				if (c == ']') {
					inClass = false;
				}
				continue;
			}
			switch (c) {
				case '[' -> inClass = true;
				case '(' -> open.push(new int[] { i, 0 });
				case '|' -> markInner(open);
				case '*', '+', '?' -> {
					if (c != '?' || !(i > 0 && regex.charAt(i - 1) == '(')) {
						markInner(open);
					}
				}
				case '{' -> markInner(open);
				case ')' -> {
					int[] group = open.isEmpty() ? new int[] { 0, 0 } : open.pop();
					boolean repeated = isRepeatingQuantifierAt(regex, i + 1);
					if (repeated && group[1] == 1) {
						return true;
					}
					if (group[1] == 1 || repeated) {
						markInner(open);
					}
				}
				default -> {
				}
			}
		}
		return false;
	}

	private static void markInner(java.util.ArrayDeque<int[]> open) {
		if (!open.isEmpty()) {
			open.peek()[1] = 1;
		}
	}

	private static boolean isRepeatingQuantifierAt(String regex, int index) {
		if (index >= regex.length()) {
			return false;
		}
		char next = regex.charAt(index);
		if (next == '*' || next == '+') {
			return true;
		}
		if (next == '{') {
			int close = regex.indexOf('}', index);
			if (close < 0) {
				return false;
			}
			String[] bounds = regex.substring(index + 1, close).split(",", -1);
			if (bounds.length == 1) {
				return false; // {n}: a fixed count does not multiply the ways to match
			}
			return bounds[1].isEmpty() || parse(bounds[1]) > 1;
		}
		return false;
	}

	private static int parse(String number) {
		try {
			return Integer.parseInt(number.trim());
		}
		catch (NumberFormatException ex) {
			return Integer.MAX_VALUE;
		}
	}

	private static final class BudgetExceeded extends RuntimeException {

		BudgetExceeded() {
			super(null, null, false, false);
		}

	}

	/** Counts every character the regex engine reads and stops it when the budget is spent. */
	private static final class BudgetedCharSequence implements CharSequence {

		private final String text;

		private final long[] budget;

		BudgetedCharSequence(String text, long budget) {
			this(text, new long[] { budget });
		}

		private BudgetedCharSequence(String text, long[] budget) {
			this.text = text;
			this.budget = budget;
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public char charAt(int index) {
			if (--this.budget[0] < 0) {
				throw new BudgetExceeded();
			}
			return this.text.charAt(index);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new BudgetedCharSequence(this.text.substring(start, end), this.budget);
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
