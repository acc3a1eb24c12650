package com.mclass.formrules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.mclass.formrules.Question.AnswerConstraints;

import static org.assertj.core.api.Assertions.assertThat;

class FormRulesTests {

	static Question text(String id, boolean required, AnswerConstraints constraints) {
		return new Question(id, QuestionType.TEXT, "Label " + id, required, null, null, constraints);
	}

	static Question of(String id, QuestionType type, boolean required, String... options) {
		return new Question(id, type, "Label " + id, required, (options.length == 0) ? null : List.of(options), null, null);
	}

	static List<String> fields(List<Violation> violations) {
		return violations.stream().map(Violation::field).toList();
	}

	static List<String> codes(List<Violation> violations) {
		return violations.stream().map(Violation::code).toList();
	}

	// --- definitions ---

	@Test
	void acceptsAFormUsingEveryQuestionType() {
		List<Question> form = List.of(text("name", true, new AnswerConstraints(2, 20, "[가-힣a-zA-Z ]+")),
				of("bio", QuestionType.TEXTAREA, false), of("email", QuestionType.EMAIL, true), of("phone", QuestionType.PHONE, true),
				of("birth", QuestionType.DATE, false), of("level", QuestionType.RADIO, true, "초급", "중급", "고급"),
				of("days", QuestionType.CHECKBOX, false, "월", "수", "금"), of("size", QuestionType.SELECT, false, "S", "M", "L"),
				of("agree", QuestionType.AGREE_TERMS, true));
		assertThat(FormRules.checkDefinition(form)).isEmpty();
	}

	@Test
	void needsBetweenOneAndFiftyQuestions() {
		assertThat(fields(FormRules.checkDefinition(List.of()))).containsExactly("questions");
		assertThat(fields(FormRules.checkDefinition(null))).containsExactly("questions");
		List<Question> fifty = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			fifty.add(text("q" + i, false, null));
		}
		assertThat(FormRules.checkDefinition(fifty)).isEmpty();
		fifty.add(text("q50", false, null));
		assertThat(fields(FormRules.checkDefinition(fifty))).containsExactly("questions");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "has space", "한글", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "a/b" })
	void refusesMalformedQuestionIds(String id) {
		assertThat(fields(FormRules.checkDefinition(List.of(text(id, false, null))))).containsExactly("questions[0].id");
	}

	@Test
	void refusesDuplicateQuestionIds() {
		List<Violation> violations = FormRules.checkDefinition(List.of(text("a", false, null), text("a", false, null)));
		assertThat(fields(violations)).containsExactly("questions[1].id");
		assertThat(codes(violations)).containsExactly("duplicate");
	}

	@Test
	void boundsLabelLengthOnBothSides() {
		Question longest = new Question("a", QuestionType.TEXT, "x".repeat(200), false, null, null, null);
		Question tooLong = new Question("b", QuestionType.TEXT, "x".repeat(201), false, null, null, null);
		Question blank = new Question("c", QuestionType.TEXT, " ", false, null, null, null);
		assertThat(fields(FormRules.checkDefinition(List.of(longest, tooLong, blank)))).containsExactly("questions[1].label",
				"questions[2].label");
	}

	@Test
	void choiceQuestionsNeedDistinctNonEmptyOptionsAndOthersHaveNone() {
		List<Question> form = List.of(of("r", QuestionType.RADIO, true), of("c", QuestionType.CHECKBOX, true, "a", "a"),
				of("t", QuestionType.TEXT, true, "x"), new Question("s", QuestionType.SELECT, "s", true, List.of(""), null, null));
		assertThat(fields(FormRules.checkDefinition(form))).containsExactly("questions[0].options", "questions[1].options[1]",
				"questions[2].options", "questions[3].options[0]");
	}

	@Test
	void lengthRulesMustBeOrderedAndInRange() {
		assertThat(FormRules.checkDefinition(List.of(text("a", false, new AnswerConstraints(0, 1, null))))).isEmpty();
		assertThat(FormRules.checkDefinition(List.of(text("a", false, new AnswerConstraints(5, 5, null))))).isEmpty();
		assertThat(fields(FormRules.checkDefinition(List.of(text("a", false, new AnswerConstraints(6, 5, null))))))
			.containsExactly("questions[0].validation.maxLength");
		assertThat(fields(FormRules.checkDefinition(List.of(text("a", false, new AnswerConstraints(-1, null, null))))))
			.containsExactly("questions[0].validation.minLength");
		assertThat(fields(FormRules.checkDefinition(List.of(text("a", false, new AnswerConstraints(null, 0, null))))))
			.containsExactly("questions[0].validation.maxLength");
		assertThat(fields(FormRules.checkDefinition(List.of(text("a", false, new AnswerConstraints(null, 10_001, null))))))
			.containsExactly("questions[0].validation.maxLength");
	}

	@Test
	void unsafePatternsAreRefusedWhenTheFormIsPublished() {
		List<Violation> violations = FormRules.checkDefinition(List.of(text("a", false, new AnswerConstraints(null, null, "(a+)+$"))));
		assertThat(fields(violations)).containsExactly("questions[0].validation.pattern");
		assertThat(codes(violations)).containsExactly("patternNestedQuantifier");
	}

	@Test
	void lengthAndPatternRulesOnlyForFreeText() {
		Question radio = new Question("r", QuestionType.RADIO, "r", true, List.of("a"), null, new AnswerConstraints(1, 2, null));
		assertThat(fields(FormRules.checkDefinition(List.of(radio)))).containsExactly("questions[0].validation");
	}

	@Test
	void reportsEveryProblemNotOnlyTheFirst() {
		List<Question> form = List.of(new Question("", null, "", false, null, null, null), of("r", QuestionType.RADIO, true));
		assertThat(fields(FormRules.checkDefinition(form))).containsExactly("questions[0].id", "questions[0].type",
				"questions[0].label", "questions[1].options");
	}

	// --- answers ---

	@Test
	void requiredQuestionsMustBeAnsweredAndOptionalOnesMayBeLeftOut() {
		List<Question> form = List.of(text("name", true, null), text("nick", false, null), of("agree", QuestionType.AGREE_TERMS, true));
		assertThat(codes(FormRules.checkAnswers(form, Map.of()))).containsExactly("required", "mustAgree");
		assertThat(codes(FormRules.checkAnswers(form, Map.of("name", "  ", "agree", false)))).containsExactly("required", "mustAgree");
		assertThat(FormRules.checkAnswers(form, Map.of("name", "김철수", "agree", true))).isEmpty();
	}

	@Test
	void unknownQuestionIdsAreRefused() {
		List<Violation> violations = FormRules.checkAnswers(List.of(text("name", false, null)), Map.of("nope", "x"));
		assertThat(fields(violations)).containsExactly("answers.nope");
		assertThat(codes(violations)).containsExactly("unknownQuestion");
	}

	@Test
	void lengthsCountCharactersOnBothSides() {
		List<Question> form = List.of(text("a", true, new AnswerConstraints(2, 3, null)));
		assertThat(codes(FormRules.checkAnswers(form, Map.of("a", "가")))).containsExactly("tooShort");
		assertThat(FormRules.checkAnswers(form, Map.of("a", "가나"))).isEmpty();
		assertThat(FormRules.checkAnswers(form, Map.of("a", "가나다"))).isEmpty();
		assertThat(codes(FormRules.checkAnswers(form, Map.of("a", "가나다라")))).containsExactly("tooLong");
		// a character outside the BMP counts once, not as two UTF-16 units
		assertThat(FormRules.checkAnswers(form, Map.of("a", "😀😀"))).isEmpty();
	}

	@Test
	void freeTextHasADefaultUpperBound() {
		List<Question> form = List.of(of("bio", QuestionType.TEXTAREA, false));
		assertThat(FormRules.checkAnswers(form, Map.of("bio", "x".repeat(FormRules.MAX_ANSWER_LENGTH)))).isEmpty();
		assertThat(codes(FormRules.checkAnswers(form, Map.of("bio", "x".repeat(FormRules.MAX_ANSWER_LENGTH + 1)))))
			.containsExactly("tooLong");
	}

	@Test
	void patternMustMatchTheWholeAnswer() {
		List<Question> form = List.of(text("code", true, new AnswerConstraints(null, null, "[A-Z]{3}-\\d{4}")));
		assertThat(FormRules.checkAnswers(form, Map.of("code", "ABC-1234"))).isEmpty();
		assertThat(codes(FormRules.checkAnswers(form, Map.of("code", "xABC-1234")))).containsExactly("patternMismatch");
	}

	@ParameterizedTest
	@CsvSource({ "student@example.com,true", "kim.cs+mclass@mail.co.kr,true", "no-at-sign,false", "two@@at.com,false",
			"space in@mail.com,false", "nodot@domain,false" })
	void emailAnswersMustLookLikeAddresses(String value, boolean valid) {
		List<Violation> violations = FormRules.checkAnswers(List.of(of("e", QuestionType.EMAIL, true)), Map.of("e", value));
		assertThat(violations.isEmpty()).isEqualTo(valid);
	}

	@ParameterizedTest
	@CsvSource({ "010-1234-5678,true", "01012345678,true", "011-123-4567,true", "+82 10-1234-5678,true", "+821012345678,true",
			"02-123-4567,true", "031-1234-5678,true", "010-12-5678,false", "12345,false", "010-1234-56789,false", "phone,false" })
	void phoneAnswersFollowKoreanFormats(String value, boolean valid) {
		List<Violation> violations = FormRules.checkAnswers(List.of(of("p", QuestionType.PHONE, true)), Map.of("p", value));
		assertThat(violations.isEmpty()).as(value).isEqualTo(valid);
	}

	@ParameterizedTest
	@CsvSource({ "2026-03-01,true", "2024-02-29,true", "2026-02-30,false", "2026-3-1,false", "01/03/2026,false" })
	void dateAnswersAreIsoDates(String value, boolean valid) {
		List<Violation> violations = FormRules.checkAnswers(List.of(of("d", QuestionType.DATE, true)), Map.of("d", value));
		assertThat(violations.isEmpty()).isEqualTo(valid);
	}

	@Test
	void choicesMustBeOfferedOptions() {
		List<Question> form = List.of(of("r", QuestionType.RADIO, true, "a", "b"), of("s", QuestionType.SELECT, true, "x"),
				of("c", QuestionType.CHECKBOX, true, "1", "2", "3"));
		assertThat(FormRules.checkAnswers(form, Map.of("r", "a", "s", "x", "c", List.of("1", "3")))).isEmpty();
		assertThat(fields(FormRules.checkAnswers(form, Map.of("r", "z", "s", List.of("x"), "c", List.of("1", "9")))))
			.containsExactly("answers.r", "answers.s", "answers.c");
		assertThat(codes(FormRules.checkAnswers(form, Map.of("r", "a", "s", "x", "c", List.of("1", "1"))))).containsExactly("notAnOption");
		assertThat(codes(FormRules.checkAnswers(form, Map.of("r", "a", "s", "x", "c", List.of())))).containsExactly("required");
	}

	@Test
	void answersOfTheWrongJsonTypeAreRefused() {
		List<Question> form = List.of(text("t", true, null), of("c", QuestionType.CHECKBOX, true, "a"),
				of("g", QuestionType.AGREE_TERMS, false));
		Map<String, Object> answers = new HashMap<>();
		answers.put("t", 42);
		answers.put("c", "a");
		answers.put("g", "yes");
		assertThat(codes(FormRules.checkAnswers(form, answers))).containsExactly("wrongType", "wrongType", "wrongType");
	}

	@Test
	void aFormWithoutQuestionsTakesOnlyEmptyAnswers() {
		assertThat(FormRules.checkAnswers(List.of(), Map.of())).isEmpty();
		assertThat(FormRules.checkAnswers(List.of(), null)).isEmpty();
		assertThat(fields(FormRules.checkAnswers(List.of(), Map.of("x", "y")))).containsExactly("answers.x");
	}

	@Test
	void questionTypesUseThePlansJsonNames() {
		assertThat(Arrays.stream(QuestionType.values()).map(QuestionType::jsonName)).containsExactly("text", "textarea", "email",
				"phone", "date", "radio", "checkbox", "select", "agreeTerms");
		assertThat(QuestionType.fromJson("agreeTerms")).isEqualTo(QuestionType.AGREE_TERMS);
	}

}
