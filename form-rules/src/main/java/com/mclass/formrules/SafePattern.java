package com.mclass.formrules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression an admin wrote into a form, made safe to run against every student's answer. Java's regex
 * engine backtracks, so a pattern such as {@code (a+)+$} can take exponential time on a crafted answer and pin a CPU
 * of the enrollment hot path. Two defences:
 * <ol>
 * <li>When the form is published, {@link #problemWith(String)} refuses patterns longer than {@value #MAX_LENGTH}
 * characters, back-references, lookarounds, atomic groups, comments mode, and repeated groups that contain a variable
 * repetition ({@code (a+)+}, {@code (a*)*}, {@code (ab?)+}) or alternatives that may start alike ({@code (a|a)*},
 * {@code (a|ab)+}). The analysis is deliberately conservative: a few harmless patterns are refused too, but
 * {@code (foo|bar)+} is not.</li>
 * <li>When an answer is checked, {@link #matchesFully(String)} runs the matcher over a text that counts character
 * reads and gives up when its budget is spent; polynomial blow-ups the analysis lets through ({@code \d*\d*\d*x})
 * end there as "does not match".</li>
 * </ol>
 */
public final class SafePattern {

	public static final int MAX_LENGTH = 200;

	private final Pattern pattern;

	private SafePattern(Pattern pattern) {
		this.pattern = pattern;
	}

	/**
	 * Why a pattern is refused, as a violation code ({@code patternTooLong}, {@code patternInvalid},
	 * {@code patternBackreference}, {@code patternLookaround}, {@code patternNestedQuantifier},
	 * {@code patternAmbiguousAlternation}, {@code patternUnsupported}), or empty when it is acceptable.
	 */
	public static Optional<String> problemWith(String regex) {
		return problem(regex).map(PatternProblem::code);
	}

	static Optional<PatternProblem> problem(String regex) {
		if (regex == null) {
			return Optional.of(PatternProblem.INVALID);
		}
		if (regex.length() > MAX_LENGTH) {
			return Optional.of(PatternProblem.TOO_LONG);
		}
		try {
			Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			return Optional.of(PatternProblem.INVALID);
		}
		try {
			new Analysis(regex).run();
			return Optional.empty();
		}
		catch (Refused refused) {
			return Optional.of(refused.problem);
		}
		catch (RuntimeException unexpected) {
			// A construct the analysis misread: refuse rather than guess that it is safe.
			return Optional.of(PatternProblem.UNSUPPORTED_CONSTRUCT);
		}
	}

	/**
	 * @throws IllegalArgumentException when {@link #problemWith(String)} finds a problem
	 */
	public static SafePattern compile(String regex) {
		Optional<PatternProblem> problem = problem(regex);
		if (problem.isPresent()) {
			throw new IllegalArgumentException(problem.get().code() + ": " + regex);
		}
		return new SafePattern(Pattern.compile(regex));
	}

	/**
	 * Whether the whole of {@code input} matches, like HTML's {@code pattern} attribute. A match that exceeds its
	 * budget of character reads (or the thread's stack) counts as no match.
	 */
	public boolean matchesFully(String input) {
		Matcher matcher = this.pattern.matcher(new BudgetedCharSequence(input, 10_000L + 200L * input.length()));
		try {
			return matcher.matches();
		}
		catch (BudgetExceeded | StackOverflowError ex) {
			// Java's matcher recurses per repetition of a group: a long answer can exhaust the stack before the budget.
			return false;
		}
	}

	@Override
	public String toString() {
		return this.pattern.pattern();
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

	private static final class Refused extends RuntimeException {

		private final PatternProblem problem;

		Refused(PatternProblem problem) {
			super(problem.name(), null, false, false);
			this.problem = problem;
		}

	}

	/**
	 * What the safety rules need to know about a piece of a pattern.
	 *
	 * @param variable it contains a repetition whose count may vary ({@code *}, {@code +}, {@code ?}, {@code {m,n}})
	 * @param ambiguous it contains an alternation whose branches may start with the same character
	 * @param firstLiteral the character every match starts with, when that is known; otherwise {@code null}
	 */
	private record Piece(boolean variable, boolean ambiguous, Character firstLiteral) {

		static final Piece EMPTY = new Piece(false, false, null);

		static Piece literal(Character c) {
			return new Piece(false, false, c);
		}

		static Piece characterClass() {
			return new Piece(false, false, null);
		}

	}

	/**
	 * A small recursive-descent reading of a pattern that Java already accepted: enough structure to find repeated
	 * groups and what they contain, no more.
	 */
	private static final class Analysis {

		private static final String FLAG_LETTERS = "imsuUd-";

		private final String regex;

		private int pos;

		private boolean caseInsensitive;

		Analysis(String regex) {
			this.regex = regex;
		}

		void run() {
			alternation();
			if (this.pos < this.regex.length()) {
				// An unbalanced ')' cannot reach here: Pattern.compile refused it already.
				throw new Refused(PatternProblem.UNSUPPORTED_CONSTRUCT);
			}
		}

		private Piece alternation() {
			List<Piece> branches = new ArrayList<>();
			branches.add(sequence());
			while (peek() == '|') {
				this.pos++;
				branches.add(sequence());
			}
			if (branches.size() == 1) {
				return branches.get(0);
			}
			boolean variable = branches.stream().anyMatch(Piece::variable);
			boolean ambiguous = branches.stream().anyMatch(Piece::ambiguous) || !startDistinctly(branches);
			return new Piece(variable, ambiguous, null);
		}

		private boolean startDistinctly(List<Piece> branches) {
			Set<Character> firsts = new HashSet<>();
			for (Piece branch : branches) {
				if (branch.firstLiteral() == null) {
					return false;
				}
				char first = this.caseInsensitive ? Character.toLowerCase(branch.firstLiteral()) : branch.firstLiteral();
				if (!firsts.add(first)) {
					return false;
				}
			}
			return true;
		}

		private Piece sequence() {
			boolean variable = false;
			boolean ambiguous = false;
			Character first = null;
			boolean atStart = true;
			while (this.pos < this.regex.length() && peek() != '|' && peek() != ')') {
				Atom atom = atom();
				Piece piece = quantified(atom);
				variable |= piece.variable();
				ambiguous |= piece.ambiguous();
				if (atStart && !atom.zeroWidth()) {
					first = piece.firstLiteral();
					atStart = false;
				}
			}
			return new Piece(variable, ambiguous, first);
		}

		private Piece quantified(Atom atom) {
			int[] bounds = quantifier();
			if (bounds == null) {
				return atom.piece();
			}
			int min = bounds[0];
			int max = bounds[1];
			Piece inner = atom.piece();
			if (atom.group() && max > 1) {
				if (inner.variable()) {
					throw new Refused(PatternProblem.NESTED_QUANTIFIER);
				}
				if (inner.ambiguous()) {
					throw new Refused(PatternProblem.AMBIGUOUS_ALTERNATION);
				}
			}
			return new Piece(inner.variable() || min != max, inner.ambiguous(), (min >= 1) ? inner.firstLiteral() : null);
		}

		/** {min, max} of the quantifier at the cursor (max = Integer.MAX_VALUE when unbounded), or null. */
		private int[] quantifier() {
			char c = peek();
			int[] bounds;
			if (c == '*') {
				this.pos++;
				bounds = new int[] { 0, Integer.MAX_VALUE };
			}
			else if (c == '+') {
				this.pos++;
				bounds = new int[] { 1, Integer.MAX_VALUE };
			}
			else if (c == '?') {
				this.pos++;
				bounds = new int[] { 0, 1 };
			}
			else if (c == '{') {
				int close = this.regex.indexOf('}', this.pos);
				String[] parts = this.regex.substring(this.pos + 1, close).split(",", -1);
				int min = Integer.parseInt(parts[0].trim());
				int max = (parts.length == 1) ? min : (parts[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(parts[1].trim()));
				this.pos = close + 1;
				bounds = new int[] { min, max };
			}
			else {
				return null;
			}
			// Lazy (?) and possessive (+) variants repeat the same way as far as these rules go.
			if (peek() == '?' || peek() == '+') {
				this.pos++;
			}
			return bounds;
		}

		private Atom atom() {
			char c = this.regex.charAt(this.pos++);
			switch (c) {
				case '(':
					return group();
				case '[':
					skipCharacterClass();
					return Atom.of(Piece.characterClass());
				case '\\':
					return escape();
				case '.':
					return Atom.of(Piece.characterClass());
				case '^':
				case '$':
					return Atom.ZERO_WIDTH;
				default:
					return Atom.of(Piece.literal(c));
			}
		}

		private Atom group() {
			if (peek() == '?') {
				this.pos++;
				char kind = peek();
				if (kind == ':') {
					this.pos++;
				}
				else if (kind == '=' || kind == '!') {
					throw new Refused(PatternProblem.LOOKAROUND);
				}
				else if (kind == '<') {
					char next = charAt(this.pos + 1);
					if (next == '=' || next == '!') {
						throw new Refused(PatternProblem.LOOKAROUND);
					}
					this.pos = this.regex.indexOf('>', this.pos) + 1; // a named group (?<name>…)
				}
				else if (FLAG_LETTERS.indexOf(kind) >= 0) {
					return flags();
				}
				else {
					throw new Refused(PatternProblem.UNSUPPORTED_CONSTRUCT); // (?>…) and anything else
				}
			}
			Piece inside = alternation();
			this.pos++; // ')'
			return new Atom(inside, true, false);
		}

		/** {@code (?i)} switches flags for the rest of the pattern; {@code (?i:…)} is a group. */
		private Atom flags() {
			boolean enabling = true;
			while (FLAG_LETTERS.indexOf(peek()) >= 0) {
				char flag = this.regex.charAt(this.pos++);
				if (flag == '-') {
					enabling = false;
				}
				else if (flag == 'i' && enabling) {
					this.caseInsensitive = true;
				}
			}
			if (peek() == 'x' || peek() == 'c') {
				throw new Refused(PatternProblem.UNSUPPORTED_CONSTRUCT); // comments mode changes how the text reads
			}
			if (peek() == ')') {
				this.pos++;
				return Atom.ZERO_WIDTH;
			}
			this.pos++; // ':'
			Piece inside = alternation();
			this.pos++; // ')'
			return new Atom(inside, true, false);
		}

		private Atom escape() {
			char c = this.regex.charAt(this.pos++);
			if (c >= '1' && c <= '9') {
				throw new Refused(PatternProblem.BACKREFERENCE);
			}
			switch (c) {
				case 'k':
					throw new Refused(PatternProblem.BACKREFERENCE);
				case 'Q': {
					int end = this.regex.indexOf("\\E", this.pos);
					int stop = (end < 0) ? this.regex.length() : end;
					Character first = (stop > this.pos) ? this.regex.charAt(this.pos) : null;
					this.pos = (end < 0) ? stop : end + 2;
					return (first != null) ? Atom.of(Piece.literal(first)) : Atom.ZERO_WIDTH;
				}
				case 'p':
				case 'P':
				case 'x':
				case 'N':
					if (peek() == '{') {
						this.pos = this.regex.indexOf('}', this.pos) + 1;
					}
					else {
						this.pos += (c == 'x') ? 2 : 1;
					}
					return Atom.of(Piece.characterClass());
				case 'u':
					this.pos += 4;
					return Atom.of(Piece.characterClass());
				case 'c':
					this.pos += 1;
					return Atom.of(Piece.characterClass());
				case '0':
					while (Character.isDigit(peek())) {
						this.pos++;
					}
					return Atom.of(Piece.characterClass());
				case 'b':
				case 'B':
				case 'A':
				case 'G':
				case 'Z':
				case 'z':
					if (c == 'b' && peek() == '{') {
						this.pos = this.regex.indexOf('}', this.pos) + 1;
					}
					return Atom.ZERO_WIDTH;
				default:
					// \d, \w, \s, \R, … are classes; any other escaped character stands for itself.
					return Character.isLetter(c) ? Atom.of(Piece.characterClass()) : Atom.of(Piece.literal(c));
			}
		}

		/** Moves past a {@code […]} class, nested classes and escapes included; the opening bracket is consumed. */
		private void skipCharacterClass() {
			int depth = 1;
			if (peek() == '^') {
				this.pos++;
			}
			while (this.pos < this.regex.length() && depth > 0) {
				char c = this.regex.charAt(this.pos++);
				if (c == '\\') {
					if (peek() == 'Q') {
						int end = this.regex.indexOf("\\E", this.pos);
						this.pos = (end < 0) ? this.regex.length() : end + 2;
					}
					else {
						this.pos++;
					}
				}
				else if (c == '[') {
					depth++;
				}
				else if (c == ']') {
					depth--;
				}
			}
		}

		private char peek() {
			return charAt(this.pos);
		}

		private char charAt(int index) {
			return (index < this.regex.length()) ? this.regex.charAt(index) : '\0';
		}

	}

	/** An atom of a pattern: a character, a class, a group or a zero-width assertion. */
	private record Atom(Piece piece, boolean group, boolean zeroWidth) {

		static final Atom ZERO_WIDTH = new Atom(Piece.EMPTY, false, true);

		static Atom of(Piece piece) {
			return new Atom(piece, false, false);
		}

	}

}
