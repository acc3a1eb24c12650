package com.mclass.formrules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.mclass.formrules.Question.AnswerConstraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The rules of a form definition as an admin submits it: types still as sent, every fault at its field. */
class FormRulesDefinitionTests {

	private static QuestionDraft text(String id) {
		return new QuestionDraft(id, "text", "라벨", false, null, null, null);
	}

	private static QuestionDraft ofType(String type, List<String> options, AnswerConstraints validation) {
		return new QuestionDraft("q", type, "라벨", true, options, null, validation);
	}

	private static List<String> numbered(int count) {
		return IntStream.range(0, count).mapToObj(Integer::toString).toList();
	}

	@Test
	void aWellFormedFormBreaksNoRule() {
		List<QuestionDraft> questions = List.of(
				new QuestionDraft("name", "text", "이름", true, null, "홍길동", new AnswerConstraints(1, 50, "[가-힣a-zA-Z ]+")),
				new QuestionDraft("bio", "textarea", "소개", false, List.of(), null, new AnswerConstraints(null, 10_000, "")),
				new QuestionDraft("mail", "email", "이메일", true, null, null, null),
				new QuestionDraft("tel", "phone", "전화", true, null, null, null),
				new QuestionDraft("birth", "date", "생일", false, null, null, new AnswerConstraints(null, null, null)),
				new QuestionDraft("level", "radio", "수준", true, List.of("입문", "중급"), null, null),
				new QuestionDraft("topics", "checkbox", "관심", false, List.of("A", "B", "C"), null, null),
				new QuestionDraft("city", "select", "도시", true, List.of("서울"), null, null),
				new QuestionDraft("agree_1", "agreeTerms", "동의", true, null, null, null));
		assertThat(FormRules.checkDraft(questions)).isEmpty();
	}

	static Stream<Arguments> brokenQuestions() {
		return Stream.of(
				arguments("blank id", new QuestionDraft("", "text", "l", false, null, null, null), "questions[0].id", "questionId"),
				arguments("missing id", new QuestionDraft(null, "text", "l", false, null, null, null), "questions[0].id", "questionId"),
				arguments("id with a space", new QuestionDraft("my id", "text", "l", false, null, null, null), "questions[0].id", "questionId"),
				arguments("id of 51 characters", new QuestionDraft("a".repeat(51), "text", "l", false, null, null, null), "questions[0].id", "questionId"),
				arguments("unknown type", new QuestionDraft("q", "number", "l", false, null, null, null), "questions[0].type", "unknownType"),
				arguments("type in the wrong case", new QuestionDraft("q", "Text", "l", false, null, null, null), "questions[0].type", "unknownType"),
				arguments("missing type", new QuestionDraft("q", null, "l", false, null, null, null), "questions[0].type", "required"),
				arguments("blank label", new QuestionDraft("q", "text", " ", false, null, null, null), "questions[0].label", "length"),
				arguments("missing label", new QuestionDraft("q", "text", null, false, null, null, null), "questions[0].label", "length"),
				arguments("label of 201", new QuestionDraft("q", "text", "가".repeat(201), false, null, null, null), "questions[0].label", "length"),
				arguments("placeholder of 201", new QuestionDraft("q", "text", "l", false, null, "x".repeat(201), null), "questions[0].placeholder", "length"),
				arguments("radio without options", ofType("radio", null, null), "questions[0].options", "optionCount"),
				arguments("checkbox with no options", ofType("checkbox", List.of(), null), "questions[0].options", "optionCount"),
				arguments("select with a blank option", ofType("select", List.of("a", " "), null), "questions[0].options[1]", "length"),
				arguments("select with a null option", ofType("select", Arrays.asList("a", null), null), "questions[0].options[1]", "length"),
				arguments("radio with a duplicate option", ofType("radio", List.of("a", "b", "a"), null), "questions[0].options[2]", "duplicate"),
				arguments("option of 201", ofType("radio", List.of("x".repeat(201)), null), "questions[0].options[0]", "length"),
				arguments("51 options", ofType("select", numbered(51), null), "questions[0].options", "optionCount"),
				arguments("text with options", ofType("text", List.of("a"), null), "questions[0].options", "optionsNotAllowed"),
				arguments("agreeTerms with options", ofType("agreeTerms", List.of("yes"), null), "questions[0].options", "optionsNotAllowed"),
				arguments("radio with validation", ofType("radio", List.of("a"), new AnswerConstraints(1, null, null)), "questions[0].validation", "validationNotAllowed"),
				arguments("date with a pattern", ofType("date", null, new AnswerConstraints(null, null, "\\d+")), "questions[0].validation", "validationNotAllowed"),
				arguments("negative minLength", ofType("text", null, new AnswerConstraints(-1, null, null)), "questions[0].validation.minLength", "range"),
				arguments("minLength over 10,000", ofType("text", null, new AnswerConstraints(10_001, null, null)), "questions[0].validation.minLength", "range"),
				arguments("maxLength of 0", ofType("textarea", null, new AnswerConstraints(null, 0, null)), "questions[0].validation.maxLength", "range"),
				arguments("maxLength over 10,000", ofType("textarea", null, new AnswerConstraints(null, 10_001, null)), "questions[0].validation.maxLength", "range"),
				arguments("minLength above maxLength", ofType("text", null, new AnswerConstraints(6, 5, null)), "questions[0].validation.maxLength", "minAboveMax"),
				arguments("catastrophic pattern", ofType("text", null, new AnswerConstraints(null, null, "(a+)+$")), "questions[0].validation.pattern", "patternNestedQuantifier"),
				arguments("ambiguous pattern", ofType("text", null, new AnswerConstraints(null, null, "(a|ab)+")), "questions[0].validation.pattern", "patternAmbiguousAlternation"),
				arguments("backreference pattern", ofType("text", null, new AnswerConstraints(null, null, "(a)\\1")), "questions[0].validation.pattern", "patternBackreference"),
				arguments("atomic group pattern", ofType("text", null, new AnswerConstraints(null, null, "(?>a+)b")), "questions[0].validation.pattern", "patternUnsupported"),
				arguments("invalid pattern", ofType("text", null, new AnswerConstraints(null, null, "[a-")), "questions[0].validation.pattern", "patternInvalid"),
				arguments("pattern of 201", ofType("phone", null, new AnswerConstraints(null, null, "a".repeat(201))), "questions[0].validation.pattern", "patternTooLong"),
				arguments("lookahead pattern", ofType("email", null, new AnswerConstraints(null, null, "(?=a)a")), "questions[0].validation.pattern", "patternLookaround"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenQuestions")
	void eachBrokenRuleIsReportedAtItsField(String description, QuestionDraft question, String field, String code) {
		assertThat(FormRules.checkDraft(List.of(question))).extracting(Violation::field, Violation::code)
			.containsExactly(Tuple.tuple(field, code));
	}

	@Test
	void boundsAreInclusive() {
		assertThat(FormRules.checkDraft(List.of(new QuestionDraft("a".repeat(50), "text", "가".repeat(200), false, null, "x".repeat(200),
				new AnswerConstraints(0, 10_000, "a".repeat(200)))))).isEmpty();
		assertThat(FormRules.checkDraft(List.of(new QuestionDraft("a", "text", "가", false, null, "", new AnswerConstraints(10_000, 10_000, null)))))
			.isEmpty();
		assertThat(FormRules.checkDraft(List.of(ofType("select", numbered(50), null)))).isEmpty();
		assertThat(FormRules.checkDraft(List.of(ofType("radio", List.of("x".repeat(200)), null)))).isEmpty();
		assertThat(FormRules.checkDraft(List.of(ofType("text", null, new AnswerConstraints(5, 5, null))))).isEmpty();
		assertThat(FormRules.checkDraft(List.of(ofType("text", null, new AnswerConstraints(null, 1, null))))).isEmpty();
	}

	@Test
	void aFormHasOneToFiftyQuestions() {
		assertThat(FormRules.checkDraft(null)).extracting(Violation::field, Violation::code)
			.containsExactly(Tuple.tuple("questions", "questionCount"));
		assertThat(FormRules.checkDraft(List.of())).extracting(Violation::code).containsExactly("questionCount");
		List<QuestionDraft> fifty = IntStream.range(0, 50).mapToObj((i) -> text("q" + i)).toList();
		assertThat(FormRules.checkDraft(fifty)).isEmpty();
		List<QuestionDraft> fiftyOne = new ArrayList<>(fifty);
		fiftyOne.add(text("q50"));
		assertThat(FormRules.checkDraft(fiftyOne)).extracting(Violation::code).containsExactly("questionCount");
	}

	@Test
	void duplicateIdsAreReportedOnTheLaterQuestion() {
		assertThat(FormRules.checkDraft(List.of(text("a"), text("b"), text("a")))).extracting(Violation::field, Violation::code)
			.containsExactly(Tuple.tuple("questions[2].id", "duplicate"));
	}

	@Test
	void everyFaultOfEveryQuestionIsListed() {
		List<QuestionDraft> questions = Arrays.asList(new QuestionDraft("bad id", "nope", "", false, null, null, null), null,
				new QuestionDraft("c", "radio", "l", false, Collections.emptyList(), null, new AnswerConstraints(1, null, null)));
		assertThat(FormRules.checkDraft(questions)).extracting(Violation::field)
			.containsExactly("questions[0].id", "questions[0].type", "questions[0].label", "questions[1]", "questions[2].options",
					"questions[2].validation");
	}

	@Test
	void anUnknownTypeNamesTheTypesThatExist() {
		Violation violation = FormRules.checkDraft(List.of(ofType("slider", null, null))).get(0);
		assertThat(violation.arguments()).containsExactly("text, textarea, email, phone, date, radio, checkbox, select, agreeTerms");
		assertThat(violation.defaultMessage()).isEqualTo("is not a question type; use one of {0}");
	}

	@Test
	void messageKeysAndArgumentsFollowTheCode() {
		Violation label = FormRules.checkDraft(List.of(new QuestionDraft("q", "text", "x".repeat(201), false, null, null, null))).get(0);
		assertThat(label.messageKey()).isEqualTo("form.reason.length");
		assertThat(label.arguments()).containsExactly(1, 200);
		Violation pattern = FormRules.checkDraft(List.of(ofType("text", null, new AnswerConstraints(null, null, "a".repeat(201))))).get(0);
		assertThat(pattern.messageKey()).isEqualTo("form.reason.patternTooLong");
		assertThat(pattern.arguments()).containsExactly(200);
	}

	@Test
	void aPublishedFormPassesTheSameRulesAsItsDraft() {
		List<QuestionDraft> drafts = List.of(new QuestionDraft("name", "text", "이름", true, null, "홍길동", new AnswerConstraints(1, 50, null)),
				new QuestionDraft("level", "radio", "수준", null, List.of("입문", "입문"), null, new AnswerConstraints(null, null, "(a+)+")));
		List<Question> questions = drafts.stream().map(QuestionDraft::toQuestion).toList();
		assertThat(FormRules.checkDefinition(questions)).isEqualTo(FormRules.checkDraft(drafts)).hasSize(2);
		assertThat(questions.get(0)).isEqualTo(new Question("name", QuestionType.TEXT, "이름", true, null, "홍길동",
				new AnswerConstraints(1, 50, null)));
		assertThat(questions.get(1).required()).isFalse();
	}

	@Test
	void aDraftOfAnUnknownTypeIsNoQuestion() {
		assertThat(ofType("slider", null, null).questionType()).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> ofType("slider", null, null).toQuestion());
	}

}
