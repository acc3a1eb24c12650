package com.mclass.formrules;

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
	@ValueSource(strings = { "[A-Z]{3}-\\d{4}", "\\d{3}-\\d{4}", "[가-힣]{2,10}", "(ab){3}", "(foo)?bar", "[a-z]+@[a-z]+\\.com",
			"^\\S+$", "(a)+", "[0-9]{3}-[0-9]{4}", "^[A-Za-z0-9_]+$", "\\d{2,4}", "https?://\\S+", "(\\d{3}-){2}\\d{4}", "(foo|bar)+",
			"(?:ab|cd)*", "(a|b)*", "(?i)hello", "(?i:abc)+", "[(]+[)]*", "\\(\\d+\\)", "(?<year>\\d{4})-(?<month>\\d{2})", "\\p{L}+",
			"\\Qa+b\\E", "(-?\\d)?", "a{1,3}b{2}", "[A-Z][a-z]*( [A-Z][a-z]*)?", "\\w+@\\w+\\.\\w+", "(a{3})+" })
	void acceptsOrdinaryPatterns(String regex) {
		assertThat(SafePattern.problemWith(regex)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiterString = " => ", value = {
			"(a+)+ => patternNestedQuantifier",
			"(a*)* => patternNestedQuantifier",
			"(a+)*b => patternNestedQuantifier",
			"^(\\d+)+$ => patternNestedQuantifier",
			"([a-z]+)*$ => patternNestedQuantifier",
			"(\\d+){2,} => patternNestedQuantifier",
			"(a{1,5}){2,} => patternNestedQuantifier",
			"((ab)*)+ => patternNestedQuantifier",
			"((ab)*c)+ => patternNestedQuantifier",
			"(a?)+ => patternNestedQuantifier",
			"(?:x+)+y => patternNestedQuantifier",
			"(?:x+y)* => patternNestedQuantifier",
			"(\\w+\\s?)+$ => patternNestedQuantifier",
			"(.*a){1,30} => patternNestedQuantifier",
			"(a|a)* => patternAmbiguousAlternation",
			"(a|aa)+ => patternAmbiguousAlternation",
			"(a|ab)+ => patternAmbiguousAlternation",
			"(\\w|\\d)* => patternAmbiguousAlternation",
			"(x(a|ab)y)* => patternAmbiguousAlternation",
			"(?i)(a|A)+ => patternAmbiguousAlternation",
			"(a|)* => patternAmbiguousAlternation",
			"(a)\\1 => patternBackreference",
			"(?<n>a)\\k<n> => patternBackreference",
			"a(?=b) => patternLookaround",
			"(?=a)a => patternLookaround",
			"a(?!b) => patternLookaround",
			"(?<=a)b => patternLookaround",
			"(?<!a)b => patternLookaround",
			"(?>a+)b => patternUnsupported",
			"(?x)a b => patternUnsupported",
			"[a- => patternInvalid",
			"(unclosed => patternInvalid",
			"*a => patternInvalid" })
	void dangerousOrBrokenPatternsAreRefusedWithTheirReason(String regex, String code) {
		assertThat(SafePattern.problemWith(regex)).contains(code);
	}

	@Test
	void lengthIsCappedAtTwoHundred() {
		assertThat(SafePattern.problemWith("a".repeat(SafePattern.MAX_LENGTH))).isEmpty();
		assertThat(SafePattern.problemWith("a".repeat(SafePattern.MAX_LENGTH + 1))).contains("patternTooLong");
	}

	@Test
	void aMissingPatternIsNotAPattern() {
		assertThat(SafePattern.problemWith(null)).contains("patternInvalid");
	}

	@Test
	void compileRefusesWhatTheAnalysisRefuses() {
		assertThatIllegalArgumentException().isThrownBy(() -> SafePattern.compile("(a+)+$"));
		assertThatIllegalArgumentException().isThrownBy(() -> SafePattern.compile("(a|ab)*"));
		assertThat(SafePattern.compile("\\d{3}").matchesFully("123")).isTrue();
	}

	@Test
	void matchingIsOfTheWholeAnswer() {
		SafePattern digits = SafePattern.compile("\\d{3}-\\d{4}");
		assertThat(digits.matchesFully("123-4567")).isTrue();
		assertThat(digits.matchesFully("123-45678")).isFalse();
		assertThat(digits.matchesFully("x123-4567")).isFalse();
	}

	@Test
	void matchingRunsOnABudgetSoEvenAPolynomialPatternStopsQuickly() {
		// Accepted by the shape check, yet polynomial on this input: the read budget ends it as "no match".
		String input = "1".repeat(5_000);
		SafePattern cubic = SafePattern.compile("\\d*\\d*\\d*x");
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(cubic.matchesFully(input)).isFalse());
		SafePattern eighthPower = SafePattern.compile("\\d*\\d*\\d*\\d*\\d*\\d*\\d*\\d*!");
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(eighthPower.matchesFully(input)).isFalse());
	}

	@Test
	void longOrdinaryAnswersStayWithinTheBudget() {
		assertThat(SafePattern.compile("[a-z ]{0,10000}").matchesFully("a".repeat(10_000))).isTrue();
		assertThat(SafePattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+").matchesFully("someone." + "x".repeat(5_000) + "@example.com"))
			.isTrue();
	}

	@Test
	void aRepeatedGroupOverALongAnswerEndsAsNoMatchRatherThanAStackOverflow() {
		// Accepted (the alternatives start apart), but the matcher recurses once per repetition of the group.
		SafePattern pairs = SafePattern.compile("(ab|cd)+");
		assertThat(pairs.matchesFully("ab".repeat(10))).isTrue();
		assertThat(pairs.matchesFully("ab".repeat(5_000) + "x")).isFalse();
	}

}
