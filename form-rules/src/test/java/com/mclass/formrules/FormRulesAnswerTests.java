package com.mclass.formrules;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.mclass.formrules.Question.AnswerConstraints;

import static com.mclass.formrules.QuestionType.AGREE_TERMS;
import static com.mclass.formrules.QuestionType.CHECKBOX;
import static com.mclass.formrules.QuestionType.DATE;
import static com.mclass.formrules.QuestionType.EMAIL;
import static com.mclass.formrules.QuestionType.PHONE;
import static com.mclass.formrules.QuestionType.RADIO;
import static com.mclass.formrules.QuestionType.SELECT;
import static com.mclass.formrules.QuestionType.TEXT;
import static com.mclass.formrules.QuestionType.TEXTAREA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Answers judged against a form with one optional question of each kind, so each case can answer a single one. */
class FormRulesAnswerTests {

	private static final List<Question> FORM = List.of(
			new Question("name", TEXT, "이름", false, null, null, new AnswerConstraints(2, 5, null)),
			new Question("code", TEXT, "코드", false, null, null, new AnswerConstraints(null, null, "[A-Z]{3}-\\d{2}")),
			new Question("plain", TEXT, "메모", false, null, null, null),
			new Question("blankPattern", TEXT, "메모", false, null, null, new AnswerConstraints(null, null, "")),
			new Question("bio", TEXTAREA, "소개", false, null, null, null),
			new Question("mail", EMAIL, "이메일", false, null, null, null),
			new Question("tel", PHONE, "전화", false, null, null, null),
			new Question("birth", DATE, "생일", false, null, null, null),
			new Question("level", RADIO, "수준", false, List.of("입문", "중급"), null, null),
			new Question("city", SELECT, "도시", false, List.of("서울", "부산"), null, null),
			new Question("topics", CHECKBOX, "관심", false, List.of("A", "B", "C"), null, null),
			new Question("newsletter", AGREE_TERMS, "소식 받기", false, null, null, null));

	private static List<Violation> check(Map<String, ?> answers) {
		return FormRules.checkAnswers(FORM, answers);
	}

	static Stream<Arguments> answers() {
		return Stream.of(
				// lengths, counted in code points, both sides of each bound
				arguments("name", "가나", null), arguments("name", "가", "tooShort"), arguments("name", "가나다라마", null),
				arguments("name", "가나다라마바", "tooLong"), arguments("name", "😀😀", null),
				arguments("plain", "x".repeat(1_000), null), arguments("plain", "x".repeat(1_001), "tooLong"),
				arguments("bio", "x".repeat(10_000), null), arguments("bio", "x".repeat(10_001), "tooLong"),
				// pattern: whole answer; a blank pattern is no pattern
				arguments("code", "ABC-12", null), arguments("code", "abc-12", "patternMismatch"), arguments("code", "ABC-123", "patternMismatch"),
				arguments("blankPattern", "anything", null),
				// types
				arguments("plain", 42, "wrongType"), arguments("plain", true, "wrongType"), arguments("plain", List.of("x"), "wrongType"),
				// email
				arguments("mail", "someone@example.com", null), arguments("mail", "first.last+tag@sub.example.co.kr", null),
				arguments("mail", "no-at-sign", "invalidEmail"), arguments("mail", "a@b", "invalidEmail"),
				arguments("mail", "a@@example.com", "invalidEmail"), arguments("mail", ".a@example.com", "invalidEmail"),
				arguments("mail", "a..b@example.com", "invalidEmail"), arguments("mail", "a@-example.com", "invalidEmail"),
				arguments("mail", "space in@mail.com", "invalidEmail"),
				arguments("mail", "x".repeat(65) + "@example.com", "invalidEmail"), arguments("mail", "x".repeat(64) + "@example.com", null),
				arguments("mail", emailOfLength(254), null), arguments("mail", emailOfLength(255), "tooLong"),
				arguments("mail", "a@" + "b".repeat(250) + ".com", "tooLong"),
				// Korean phone numbers
				arguments("tel", "010-1234-5678", null), arguments("tel", "01012345678", null), arguments("tel", "010 1234 5678", null),
				arguments("tel", "011-123-4567", null), arguments("tel", "+82 10-1234-5678", null), arguments("tel", "+821012345678", null),
				arguments("tel", "+82-10-1234-5678", null), arguments("tel", "02-123-4567", null), arguments("tel", "031-1234-5678", null),
				arguments("tel", "010-12345-678", "invalidPhone"), arguments("tel", "+82 010-1234-5678", "invalidPhone"),
				arguments("tel", "010-1234-567", "invalidPhone"), arguments("tel", "010--1234-5678", "invalidPhone"),
				arguments("tel", "phone", "invalidPhone"), arguments("tel", "0".repeat(20), "invalidPhone"),
				arguments("tel", "0".repeat(21), "tooLong"), arguments("tel", 1012345678, "wrongType"),
				// dates
				arguments("birth", "2024-02-29", null), arguments("birth", "2023-02-29", "invalidDate"), arguments("birth", "2024-13-01", "invalidDate"),
				arguments("birth", "2024-1-01", "invalidDate"), arguments("birth", "01/02/2024", "invalidDate"),
				arguments("birth", "2024-01-01T00:00:00", "invalidDate"), arguments("birth", "+12024-01-01", "invalidDate"),
				arguments("birth", 20240101, "wrongType"),
				// options
				arguments("level", "입문", null), arguments("level", "고급", "notAnOption"), arguments("level", List.of("입문"), "wrongType"),
				arguments("city", "부산", null), arguments("city", "서울 ", "notAnOption"),
				arguments("topics", List.of("A", "C"), null), arguments("topics", List.of("A", "D"), "notAnOption"),
				arguments("topics", List.of("A", "A"), "notAnOption"), arguments("topics", "A", "wrongType"),
				arguments("topics", List.of(1), "wrongType"),
				// agreement
				arguments("newsletter", true, null), arguments("newsletter", false, null), arguments("newsletter", "true", "wrongType"));
	}

	/** local@domain.com with labels of at most 63 characters, {@code length} characters in all (at least 70). */
	private static String emailOfLength(int length) {
		String local = "x".repeat(64);
		int domainLetters = length - local.length() - "@".length() - ".com".length();
		StringBuilder domain = new StringBuilder();
		while (domainLetters > 0) {
			int label = Math.min(63, domainLetters);
			domain.append("d".repeat(label));
			domainLetters -= label;
			if (domainLetters > 0) {
				domain.append('.');
				domainLetters--;
			}
		}
		String email = local + "@" + domain + ".com";
		assertThat(email).hasSize(length);
		return email;
	}

	@ParameterizedTest(name = "{0} = {1} → {2}")
	@MethodSource("answers")
	void eachAnswerIsJudgedByItsQuestionsRules(String questionId, Object value, String expectedCode) {
		List<Violation> violations = check(Map.of(questionId, value));
		if (expectedCode == null) {
			assertThat(violations).isEmpty();
		}
		else {
			assertThat(violations).extracting(Violation::field, Violation::code)
				.containsExactly(Tuple.tuple("answers." + questionId, expectedCode));
		}
	}

	@Test
	void optionalQuestionsMayBeLeftOutOrBlank() {
		Map<String, Object> blanks = new HashMap<>();
		blanks.put("name", "  ");
		blanks.put("topics", List.of());
		blanks.put("birth", null);
		blanks.put("newsletter", null);
		assertThat(check(blanks)).isEmpty();
		assertThat(check(Map.of())).isEmpty();
		assertThat(check(null)).isEmpty();
	}

	@Test
	void requiredQuestionsMustBeAnsweredAndTermsAccepted() {
		List<Question> strict = List.of(new Question("name", TEXT, "이름", true, null, null, null),
				new Question("topics", CHECKBOX, "관심", true, List.of("A"), null, null),
				new Question("terms", AGREE_TERMS, "약관 동의", true, null, null, null));
		assertThat(FormRules.checkAnswers(strict, Map.of())).extracting(Violation::field, Violation::code)
			.containsExactly(Tuple.tuple("answers.name", "required"), Tuple.tuple("answers.topics", "required"),
					Tuple.tuple("answers.terms", "mustAgree"));
		assertThat(FormRules.checkAnswers(strict, Map.of("name", " ", "topics", List.of(), "terms", false))).extracting(Violation::code)
			.containsExactly("required", "required", "mustAgree");
		assertThat(FormRules.checkAnswers(strict, Map.of("name", "홍길동", "topics", List.of("A"), "terms", true))).isEmpty();
	}

	@Test
	void answersToQuestionsTheFormDoesNotAskAreRefusedInAlphabeticalOrder() {
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("zeta", "x");
		answers.put("name", "가");
		answers.put("alpha", "y");
		assertThat(check(answers)).extracting(Violation::field, Violation::code)
			.containsExactly(Tuple.tuple("answers.name", "tooShort"), Tuple.tuple("answers.alpha", "unknownQuestion"),
					Tuple.tuple("answers.zeta", "unknownQuestion"));
	}

	@Test
	void everyFaultyAnswerIsListedInQuestionOrderOncePerQuestion() {
		assertThat(check(Map.of("tel", "x", "name", "가", "level", "고급"))).extracting(Violation::field)
			.containsExactly("answers.name", "answers.tel", "answers.level");
		// too short and not matching the pattern: one violation, the first rule broken
		List<Question> form = List.of(new Question("code", TEXT, "코드", true, null, null, new AnswerConstraints(3, null, "\\d+")));
		assertThat(FormRules.checkAnswers(form, Map.of("code", "x"))).extracting(Violation::code).containsExactly("tooShort");
	}

	@Test
	void lengthViolationsCarryTheirBound() {
		Violation tooLong = check(Map.of("name", "가나다라마바")).get(0);
		assertThat(tooLong.arguments()).containsExactly(5);
		assertThat(tooLong.messageKey()).isEqualTo("form.reason.tooLong");
		assertThat(tooLong.defaultMessage()).isEqualTo("must be at most {0} characters long");
		assertThat(check(Map.of("name", "가")).get(0).arguments()).containsExactly(2);
		assertThat(check(Map.of("plain", "x".repeat(1_001))).get(0).arguments()).containsExactly(FormRules.MAX_TEXT_ANSWER_LENGTH);
	}

	@Test
	void aFormWithoutQuestionsTakesOnlyEmptyAnswers() {
		assertThat(FormRules.checkAnswers(List.of(), Map.of())).isEmpty();
		assertThat(FormRules.checkAnswers(List.of(), Map.of("q", "x"))).extracting(Violation::code).containsExactly("unknownQuestion");
	}

	@Test
	void answersCannotBeCheckedAgainstAFormThatWasNeverValid() {
		List<Question> unsafe = List.of(new Question("q", TEXT, "l", false, null, null, new AnswerConstraints(null, null, "(a+)+")));
		assertThatIllegalArgumentException().isThrownBy(() -> FormRules.checkAnswers(unsafe, Map.of("q", "aaa")));
		assertThatIllegalArgumentException().isThrownBy(() -> FormRules.checkAnswers(Arrays.asList((Question) null), Map.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FormRules.checkAnswers(List.of(new Question("q", null, "l", false, null, null, null)), Map.of()));
	}

}
