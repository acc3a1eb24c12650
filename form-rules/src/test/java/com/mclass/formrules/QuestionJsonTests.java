package com.mclass.formrules;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import com.mclass.formrules.Question.AnswerConstraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The JSON both services exchange questions in, read and written by Jackson 3 with its defaults. */
class QuestionJsonTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aQuestionWithoutRequiredIsOptional() {
		Question question = json.readValue("{\"id\":\"nick\",\"type\":\"text\",\"label\":\"별명\"}", Question.class);
		assertThat(question.required()).isFalse();
		assertThat(json.readValue("{\"id\":\"nick\",\"type\":\"text\",\"label\":\"별명\",\"required\":null}", Question.class).required())
			.isFalse();
		QuestionDraft draft = json.readValue("{\"id\":\"nick\",\"type\":\"text\",\"label\":\"별명\"}", QuestionDraft.class);
		assertThat(draft.required()).isFalse();
	}

	@Test
	void aQuestionSurvivesARoundTripInThePublishedShape() {
		List<Question> questions = List.of(
				new Question("name", QuestionType.TEXT, "이름", true, null, "홍길동", new AnswerConstraints(1, 50, "[가-힣 ]+")),
				new Question("level", QuestionType.RADIO, "자바 경험", true, List.of("처음입니다", "1년 이상"), null, null),
				new Question("privacy", QuestionType.AGREE_TERMS, "동의합니다", false, null, null, null));
		String written = json.writeValueAsString(questions);
		// Absent values are written as null, as class-service's events and API have always carried them.
		assertThat(json.readTree(written)).isEqualTo(json.readTree("""
				[{"id":"name","type":"text","label":"이름","required":true,"options":null,"placeholder":"홍길동",
				  "validation":{"minLength":1,"maxLength":50,"pattern":"[가-힣 ]+"}},
				 {"id":"level","type":"radio","label":"자바 경험","required":true,"options":["처음입니다","1년 이상"],
				  "placeholder":null,"validation":null},
				 {"id":"privacy","type":"agreeTerms","label":"동의합니다","required":false,"options":null,"placeholder":null,
				  "validation":null}]"""));
		assertThat(json.readValue(written, new TypeReference<List<Question>>() {
		})).isEqualTo(questions);
		assertThat(json.readValue(written, new TypeReference<List<QuestionDraft>>() {
		}).stream().map(QuestionDraft::toQuestion).toList()).isEqualTo(questions);
	}

	@Test
	void aDraftKeepsAnUnknownTypeForTheRulesToReportWhileAQuestionRefusesIt() {
		String slider = "{\"id\":\"q\",\"type\":\"slider\",\"label\":\"l\"}";
		QuestionDraft draft = json.readValue(slider, QuestionDraft.class);
		assertThat(draft.type()).isEqualTo("slider");
		assertThat(FormRules.checkDraft(List.of(draft))).extracting(Violation::field).containsExactly("questions[0].type");
		assertThatExceptionOfType(DatabindException.class).isThrownBy(() -> json.readValue(slider, Question.class));
	}

	@Test
	void aNullOptionIsReadSoThatTheRulesCanReportIt() {
		QuestionDraft draft = json.readValue("{\"id\":\"q\",\"type\":\"radio\",\"label\":\"l\",\"options\":[\"a\",null]}",
				QuestionDraft.class);
		assertThat(FormRules.checkDraft(List.of(draft))).extracting(Violation::field, Violation::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("questions[0].options[1]", "length"));
	}

}
