package com.mclass.classes.formrules;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SafePatternTests {

	@ParameterizedTest
	@ValueSource(strings = { "[0-9]{3}-[0-9]{4}", "^[A-Za-z0-9_]+$", "\\d{2,4}", "https?://\\S+", "[가-힣]{2,10}",
			"(\\d{3}-){2}\\d{4}", "(foo|bar)+", "(?:ab|cd)*", "(a|b)*", "(?i)hello", "(?i:abc)+", "[(]+[)]*", "\\(\\d+\\)",
			"(?<year>\\d{4})-(?<month>\\d{2})", "\\p{L}+", "\\Qa+b\\E", "(-?\\d)?", "a{1,3}b{2}", "[A-Z][a-z]*( [A-Z][a-z]*)?",
			"\\w+@\\w+\\.\\w+" })
	void ordinaryPatternsAreAccepted(String regex) {
		assertThat(SafePattern.problemWith(regex)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiterString = " => ", value = {
			"(a+)+ => NESTED_QUANTIFIER",
			"(a*)* => NESTED_QUANTIFIER",
			"(a+)*b => NESTED_QUANTIFIER",
			"^(\\d+)+$ => NESTED_QUANTIFIER",
			"(a{1,5}){2,} => NESTED_QUANTIFIER",
			"((ab)*c)+ => NESTED_QUANTIFIER",
			"(a?)+ => NESTED_QUANTIFIER",
			"(?:x+y)* => NESTED_QUANTIFIER",
			"(a|a)* => AMBIGUOUS_ALTERNATION",
			"(a|ab)+ => AMBIGUOUS_ALTERNATION",
			"(\\w|\\d)* => AMBIGUOUS_ALTERNATION",
			"(x(a|ab)y)* => AMBIGUOUS_ALTERNATION",
			"(?i)(a|A)+ => AMBIGUOUS_ALTERNATION",
			"(a|)* => AMBIGUOUS_ALTERNATION",
			"(a)\\1 => BACKREFERENCE",
			"(?<x>a)\\k<x> => BACKREFERENCE",
			"a(?=b) => LOOKAROUND",
			"a(?!b) => LOOKAROUND",
			"(?<=a)b => LOOKAROUND",
			"(?<!a)b => LOOKAROUND",
			"(?>a+)b => UNSUPPORTED_CONSTRUCT",
			"(?x)a b => UNSUPPORTED_CONSTRUCT",
			"[a- => INVALID",
			"(unclosed => INVALID",
			"*a => INVALID" })
	void dangerousOrBrokenPatternsAreRefusedWithTheirReason(String regex, PatternProblem problem) {
		assertThat(SafePattern.problemWith(regex)).contains(problem);
	}

	@Test
	void lengthIsCappedAtTwoHundred() {
		assertThat(SafePattern.problemWith("a".repeat(200))).isEmpty();
		assertThat(SafePattern.problemWith("a".repeat(201))).contains(PatternProblem.TOO_LONG);
	}

	@Test
	void compileRefusesWhatTheAnalysisRefuses() {
		assertThatIllegalArgumentException().isThrownBy(() -> SafePattern.compile("(a+)+$"));
		assertThat(SafePattern.compile("\\d{3}").matches("123")).isTrue();
	}

	@Test
	void matchingIsOfTheWholeAnswer() {
		SafePattern digits = SafePattern.compile("\\d{3}");
		assertThat(digits.matches("123")).isTrue();
		assertThat(digits.matches("1234")).isFalse();
		assertThat(digits.matches("x123")).isFalse();
	}

	@Test
	void polynomialBlowUpTheAnalysisLetsThroughEndsAtTheBudgetAsNoMatch() {
		// Eight adjacent \d* over 5,000 digits and no final '!': O(n^8) steps without the budget.
		SafePattern slow = SafePattern.compile("\\d*\\d*\\d*\\d*\\d*\\d*\\d*\\d*!");
		String input = "1".repeat(5_000);
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(slow.matches(input)).isFalse());
	}

	@Test
	void longOrdinaryAnswersStayWithinTheBudget() {
		assertThat(SafePattern.compile("[a-z ]{0,10000}").matches("a".repeat(10_000))).isTrue();
		assertThat(SafePattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+").matches("someone." + "x".repeat(5_000) + "@example.com"))
			.isTrue();
	}

}
