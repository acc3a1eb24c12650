package com.mclass.formrules;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SafePatternTests {

	@ParameterizedTest
	@ValueSource(strings = { "(a+)+", "(a*)*", "(a|a)*", "(a|aa)+", "([a-z]+)*$", "(\\d+){2,}", "((ab)*)+", "(?:x+)+y",
			"(\\w+\\s?)+$", "(.*a){1,30}" })
	void refusesShapesThatBacktrackCatastrophically(String regex) {
		assertThat(SafePattern.problemWith(regex)).contains("patternUnsafe");
	}

	@ParameterizedTest
	@ValueSource(strings = { "(a)\\1", "(?=a)a", "(?!a)b", "(?<=a)b", "(?<!a)b", "(?<n>a)\\k<n>" })
	void refusesBackreferencesAndLookarounds(String regex) {
		assertThat(SafePattern.problemWith(regex)).contains("patternUnsafe");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[A-Z]{3}-\\d{4}", "\\d{3}-\\d{4}", "[가-힣]{2,10}", "(ab){3}", "(foo)?bar", "[a-z]+@[a-z]+\\.com",
			"^\\S+$", "(a)+" })
	void acceptsOrdinaryPatterns(String regex) {
		assertThat(SafePattern.problemWith(regex)).isEmpty();
	}

	@Test
	void refusesPatternsThatDoNotCompileOrAreTooLong() {
		assertThat(SafePattern.problemWith("[a-")).contains("patternInvalid");
		assertThat(SafePattern.problemWith("a".repeat(SafePattern.MAX_LENGTH))).isEmpty();
		assertThat(SafePattern.problemWith("a".repeat(SafePattern.MAX_LENGTH + 1))).contains("patternTooLong");
		assertThatIllegalArgumentException().isThrownBy(() -> SafePattern.compile("(a+)+"));
	}

	@Test
	void matchingRunsOnABudgetSoEvenAPolynomialPatternStopsQuickly() {
		// Accepted by the shape check, yet cubic on this input: the read budget ends it as "no match".
		SafePattern polynomial = SafePattern.compile("\\d*\\d*\\d*x");
		String input = "1".repeat(5_000);
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(polynomial.matchesFully(input)).isFalse());
		assertThat(SafePattern.compile("\\d{3}-\\d{4}").matchesFully("123-4567")).isTrue();
		assertThat(SafePattern.compile("\\d{3}-\\d{4}").matchesFully("123-45678")).isFalse();
	}

}
