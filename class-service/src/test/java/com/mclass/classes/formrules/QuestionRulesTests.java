package com.mclass.classes.formrules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class QuestionRulesTests {

	private static Question text(String id) {
		return new Question(id, "text", "라벨", false, null, null, null);
	}

	private static Question ofType(String type, List<String> options, QuestionValidation validation) {
		return new Question("q", type, "라벨", true, options, null, validation);
	}

	@Test
	void aWellFormedFormBreaksNoRule() {
		List<Question> questions = List.of(new Question("name", "text", "이름", true, null, "홍길동", new QuestionValidation(1, 50, "[가-힣a-zA-Z ]+")),
				new Question("bio", "textarea", "소개", false, List.of(), null, new QuestionValidation(null, 10_000, "")),
				new Question("mail", "email", "이메일", true, null, null, null),
				new Question("tel", "phone", "전화", true, null, null, null),
				new Question("birth", "date", "생일", false, null, null, new QuestionValidation(null, null, null)),
				new Question("level", "radio", "수준", true, List.of("입문", "중급"), null, null),
				new Question("topics", "checkbox", "관심", false, List.of("A", "B", "C"), null, null),
				new Question("city", "select", "도시", true, List.of("서울"), null, null),
				new Question("agree_1", "agreeTerms", "동의", true, null, null, null));
		assertThat(QuestionRules.check(questions)).isEmpty();
	}

	static Stream<Arguments> brokenQuestions() {
		return Stream.of(
				arguments("blank id", new Question("", "text", "l", false, null, null, null), "questions[0].id", "required"),
				arguments("id with a space", new Question("my id", "text", "l", false, null, null, null), "questions[0].id", "invalidId"),
				arguments("id of 51 characters", new Question("a".repeat(51), "text", "l", false, null, null, null), "questions[0].id", "invalidId"),
				arguments("unknown type", new Question("q", "number", "l", false, null, null, null), "questions[0].type", "unknownType"),
				arguments("type in the wrong case", new Question("q", "Text", "l", false, null, null, null), "questions[0].type", "unknownType"),
				arguments("missing type", new Question("q", null, "l", false, null, null, null), "questions[0].type", "required"),
				arguments("blank label", new Question("q", "text", " ", false, null, null, null), "questions[0].label", "required"),
				arguments("label of 201", new Question("q", "text", "가".repeat(201), false, null, null, null), "questions[0].label", "tooLong"),
				arguments("placeholder of 201", new Question("q", "text", "l", false, null, "x".repeat(201), null), "questions[0].placeholder", "tooLong"),
				arguments("radio without options", ofType("radio", null, null), "questions[0].options", "optionsRequired"),
				arguments("checkbox with no options", ofType("checkbox", List.of(), null), "questions[0].options", "optionsRequired"),
				arguments("select with a blank option", ofType("select", List.of("a", " "), null), "questions[0].options[1]", "required"),
				arguments("select with a null option", ofType("select", Arrays.asList("a", null), null), "questions[0].options[1]", "required"),
				arguments("radio with a duplicate option", ofType("radio", List.of("a", "b", "a"), null), "questions[0].options[2]", "duplicateOption"),
				arguments("option of 201", ofType("radio", List.of("x".repeat(201)), null), "questions[0].options[0]", "tooLong"),
				arguments("51 options", ofType("select", IntStream.range(0, 51).mapToObj(Integer::toString).toList(), null), "questions[0].options", "tooManyOptions"),
				arguments("text with options", ofType("text", List.of("a"), null), "questions[0].options", "optionsForbidden"),
				arguments("agreeTerms with options", ofType("agreeTerms", List.of("yes"), null), "questions[0].options", "optionsForbidden"),
				arguments("radio with validation", ofType("radio", List.of("a"), new QuestionValidation(1, null, null)), "questions[0].validation", "validationForbidden"),
				arguments("date with a pattern", ofType("date", null, new QuestionValidation(null, null, "\\d+")), "questions[0].validation", "validationForbidden"),
				arguments("negative minLength", ofType("text", null, new QuestionValidation(-1, null, null)), "questions[0].validation.minLength", "outOfRange"),
				arguments("minLength over 10,000", ofType("text", null, new QuestionValidation(10_001, null, null)), "questions[0].validation.minLength", "outOfRange"),
				arguments("negative maxLength", ofType("textarea", null, new QuestionValidation(null, -1, null)), "questions[0].validation.maxLength", "outOfRange"),
				arguments("maxLength over 10,000", ofType("textarea", null, new QuestionValidation(null, 10_001, null)), "questions[0].validation.maxLength", "outOfRange"),
				arguments("minLength above maxLength", ofType("text", null, new QuestionValidation(6, 5, null)), "questions[0].validation.maxLength", "minExceedsMax"),
				arguments("catastrophic pattern", ofType("text", null, new QuestionValidation(null, null, "(a+)+$")), "questions[0].validation.pattern", "patternNestedQuantifier"),
				arguments("invalid pattern", ofType("text", null, new QuestionValidation(null, null, "[a-")), "questions[0].validation.pattern", "patternInvalid"),
				arguments("pattern of 201", ofType("phone", null, new QuestionValidation(null, null, "a".repeat(201))), "questions[0].validation.pattern", "patternTooLong"),
				arguments("lookahead pattern", ofType("email", null, new QuestionValidation(null, null, "(?=a)a")), "questions[0].validation.pattern", "patternLookaround"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenQuestions")
	void eachBrokenRuleIsReportedAtItsField(String description, Question question, String field, String code) {
		assertThat(QuestionRules.check(List.of(question))).extracting(Violation::field, Violation::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(field, code));
	}

	@Test
	void boundsAreInclusive() {
		assertThat(QuestionRules.check(List.of(new Question("a".repeat(50), "text", "가".repeat(200), false, null, "x".repeat(200),
				new QuestionValidation(0, 10_000, "a".repeat(200)))))).isEmpty();
		assertThat(QuestionRules.check(List.of(ofType("select", IntStream.range(0, 50).mapToObj(Integer::toString).toList(), null)))).isEmpty();
		assertThat(QuestionRules.check(List.of(ofType("text", null, new QuestionValidation(5, 5, null))))).isEmpty();
	}

	@Test
	void aFormHasOneToFiftyQuestions() {
		assertThat(QuestionRules.check(null)).extracting(Violation::field, Violation::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("questions", "questionsRequired"));
		assertThat(QuestionRules.check(List.of())).extracting(Violation::code).containsExactly("questionsRequired");
		List<Question> fifty = IntStream.range(0, 50).mapToObj((i) -> text("q" + i)).toList();
		assertThat(QuestionRules.check(fifty)).isEmpty();
		List<Question> fiftyOne = new ArrayList<>(fifty);
		fiftyOne.add(text("q50"));
		assertThat(QuestionRules.check(fiftyOne)).extracting(Violation::code).containsExactly("tooManyQuestions");
	}

	@Test
	void duplicateIdsAreReportedOnTheLaterQuestion() {
		assertThat(QuestionRules.check(List.of(text("a"), text("b"), text("a")))).extracting(Violation::field, Violation::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("questions[2].id", "duplicateId"));
	}

	@Test
	void everyFaultOfEveryQuestionIsListed() {
		List<Question> questions = Arrays.asList(new Question("bad id", "nope", "", false, null, null, null), null,
				new Question("c", "radio", "l", false, Collections.emptyList(), null, new QuestionValidation(1, null, null)));
		assertThat(QuestionRules.check(questions)).extracting(Violation::field)
			.containsExactly("questions[0].id", "questions[0].type", "questions[0].label", "questions[1]", "questions[2].options",
					"questions[2].validation");
	}

	@Test
	void messageKeysAndArgumentsFollowTheCode() {
		Violation violation = QuestionRules.check(List.of(new Question("q", "text", "x".repeat(201), false, null, null, null))).get(0);
		assertThat(violation.messageKey()).isEqualTo("formrules.tooLong");
		assertThat(violation.arguments()).containsExactly(200);
	}

}
