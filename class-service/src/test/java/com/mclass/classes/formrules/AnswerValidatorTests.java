package com.mclass.classes.formrules;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AnswerValidatorTests {

	/** One optional question of each kind (plus required ones), so each case can answer a single question. */
	private static final List<Question> FORM = List.of(
			new Question("name", "text", "이름", false, null, null, new QuestionValidation(2, 5, null)),
			new Question("code", "text", "코드", false, null, null, new QuestionValidation(null, null, "[A-Z]{3}-\\d{2}")),
			new Question("plain", "text", "메모", false, null, null, null),
			new Question("bio", "textarea", "소개", false, null, null, null),
			new Question("mail", "email", "이메일", false, null, null, null),
			new Question("tel", "phone", "전화", false, null, null, null),
			new Question("birth", "date", "생일", false, null, null, null),
			new Question("level", "radio", "수준", false, List.of("입문", "중급"), null, null),
			new Question("city", "select", "도시", false, List.of("서울", "부산"), null, null),
			new Question("topics", "checkbox", "관심", false, List.of("A", "B", "C"), null, null),
			new Question("newsletter", "agreeTerms", "소식 받기", false, null, null, null));

	private static final AnswerValidator validator = AnswerValidator.forQuestions(FORM);

	static Stream<Arguments> answers() {
		return Stream.of(
				// lengths, counted in code points
				arguments("name", "가나", null), arguments("name", "가", "tooShort"), arguments("name", "가나다라마", null),
				arguments("name", "가나다라마바", "tooLong"), arguments("name", "😀😀", null),
				arguments("plain", "x".repeat(1_000), null), arguments("plain", "x".repeat(1_001), "tooLong"),
				arguments("bio", "x".repeat(10_000), null), arguments("bio", "x".repeat(10_001), "tooLong"),
				// pattern: whole answer
				arguments("code", "ABC-12", null), arguments("code", "abc-12", "patternMismatch"), arguments("code", "ABC-123", "patternMismatch"),
				// types
				arguments("plain", 42, "wrongType"), arguments("plain", true, "wrongType"), arguments("plain", List.of("x"), "wrongType"),
				// email
				arguments("mail", "someone@example.com", null), arguments("mail", "first.last+tag@sub.example.co.kr", null),
				arguments("mail", "no-at-sign", "invalidEmail"), arguments("mail", "a@b", "invalidEmail"),
				arguments("mail", "a@@example.com", "invalidEmail"), arguments("mail", ".a@example.com", "invalidEmail"),
				arguments("mail", "a..b@example.com", "invalidEmail"), arguments("mail", "a@-example.com", "invalidEmail"),
				arguments("mail", "x".repeat(65) + "@example.com", "invalidEmail"), arguments("mail", "x".repeat(64) + "@example.com", null),
				arguments("mail", "a@" + "b".repeat(250) + ".com", "tooLong"),
				// Korean mobile numbers
				arguments("tel", "010-1234-5678", null), arguments("tel", "01012345678", null), arguments("tel", "010 1234 5678", null),
				arguments("tel", "011-123-4567", null), arguments("tel", "+82 10-1234-5678", null), arguments("tel", "+821012345678", null),
				arguments("tel", "+82-10-1234-5678", null), arguments("tel", "02-123-4567", "invalidPhone"),
				arguments("tel", "010-12345-678", "invalidPhone"), arguments("tel", "+82 010-1234-5678", "invalidPhone"),
				arguments("tel", "010-1234-567", "invalidPhone"), arguments("tel", "010--1234-5678", "invalidPhone"),
				arguments("tel", "phone", "invalidPhone"), arguments("tel", 1012345678, "wrongType"),
				// dates
				arguments("birth", "2024-02-29", null), arguments("birth", "2023-02-29", "invalidDate"), arguments("birth", "2024-13-01", "invalidDate"),
				arguments("birth", "2024-1-01", "invalidDate"), arguments("birth", "01/02/2024", "invalidDate"),
				arguments("birth", "2024-01-01T00:00:00", "invalidDate"), arguments("birth", "+12024-01-01", "invalidDate"),
				// options
				arguments("level", "입문", null), arguments("level", "고급", "notAnOption"), arguments("level", List.of("입문"), "wrongType"),
				arguments("city", "부산", null), arguments("city", "서울 ", "notAnOption"),
				arguments("topics", List.of("A", "C"), null), arguments("topics", List.of("A", "D"), "notAnOption"),
				arguments("topics", List.of("A", "A"), "duplicateOption"), arguments("topics", "A", "wrongType"),
				arguments("topics", List.of(1), "wrongType"),
				// agreement
				arguments("newsletter", true, null), arguments("newsletter", false, null), arguments("newsletter", "true", "wrongType"));
	}

	@ParameterizedTest(name = "{0} = {1} → {2}")
	@MethodSource("answers")
	void eachAnswerIsJudgedByItsQuestionsRules(String questionId, Object value, String expectedCode) {
		List<Violation> violations = validator.validate(Map.of(questionId, value));
		if (expectedCode == null) {
			assertThat(violations).isEmpty();
		}
		else {
			assertThat(violations).extracting(Violation::field, Violation::code)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("answers." + questionId, expectedCode));
		}
	}

	@Test
	void optionalQuestionsMayBeLeftOutOrBlank() {
		Map<String, Object> blanks = new HashMap<>();
		blanks.put("name", "  ");
		blanks.put("topics", List.of());
		blanks.put("birth", null);
		assertThat(validator.validate(blanks)).isEmpty();
		assertThat(validator.validate(Map.of())).isEmpty();
		assertThat(validator.validate(null)).isEmpty();
	}

	@Test
	void requiredQuestionsMustBeAnsweredAndTermsAccepted() {
		AnswerValidator strict = AnswerValidator.forQuestions(List.of(new Question("name", "text", "이름", true, null, null, null),
				new Question("topics", "checkbox", "관심", true, List.of("A"), null, null),
				new Question("terms", "agreeTerms", "약관 동의", true, null, null, null)));
		assertThat(strict.validate(Map.of())).extracting(Violation::field, Violation::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("answers.name", "required"),
					org.assertj.core.groups.Tuple.tuple("answers.topics", "required"),
					org.assertj.core.groups.Tuple.tuple("answers.terms", "mustAgree"));
		assertThat(strict.validate(Map.of("name", " ", "topics", List.of(), "terms", false))).extracting(Violation::code)
			.containsExactly("required", "required", "mustAgree");
		assertThat(strict.validate(Map.of("name", "홍길동", "topics", List.of("A"), "terms", true))).isEmpty();
	}

	@Test
	void answersToQuestionsTheFormDoesNotAskAreRefused() {
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("zeta", "x");
		answers.put("name", "가나다");
		answers.put("alpha", "y");
		assertThat(validator.validate(answers)).extracting(Violation::field, Violation::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("answers.alpha", "unknownQuestion"),
					org.assertj.core.groups.Tuple.tuple("answers.zeta", "unknownQuestion"));
	}

	@Test
	void everyFaultyAnswerIsListedInQuestionOrder() {
		assertThat(validator.validate(Map.of("tel", "x", "name", "가", "level", "고급"))).extracting(Violation::field)
			.containsExactly("answers.name", "answers.tel", "answers.level");
	}

	@Test
	void lengthViolationsCarryTheirBound() {
		assertThat(validator.validate(Map.of("name", "가나다라마바")).get(0).arguments()).containsExactly(5);
		assertThat(validator.validate(Map.of("name", "가")).get(0).arguments()).containsExactly(2);
	}

	@Test
	void aFormWithoutQuestionsTakesOnlyEmptyAnswers() {
		assertThat(AnswerValidator.none().validate(Map.of())).isEmpty();
		assertThat(AnswerValidator.none().validate(Map.of("q", "x"))).extracting(Violation::code).containsExactly("unknownQuestion");
	}

	@Test
	void malformedFormsAreRefusedUpFront() {
		assertThatIllegalArgumentException().isThrownBy(() -> AnswerValidator.forQuestions(
				List.of(new Question("q", "text", "l", false, null, null, new QuestionValidation(null, null, "(a+)+")))));
		assertThatIllegalArgumentException().isThrownBy(() -> AnswerValidator.forQuestions(Arrays.asList((Question) null)));
	}

}
