package com.mclass.formrules;

import java.util.List;
import java.util.Optional;

import com.mclass.formrules.Question.AnswerConstraints;

/**
 * A question as an admin submits it, before {@link FormRules#checkDraft(List)} has accepted it. The same JSON as
 * {@link Question}, except that {@code type} is still the name the client sent: an unknown type is then one more
 * violation at {@code questions[i].type}, listed with every other fault of the form, instead of a body that cannot
 * be read.
 */
public record QuestionDraft(String id, String type, String label, Boolean required, List<String> options, String placeholder,
		AnswerConstraints validation) {

	public QuestionDraft {
		required = Boolean.TRUE.equals(required);
		options = Question.copyOf(options);
	}

	static QuestionDraft of(Question question) {
		if (question == null) {
			return null;
		}
		return new QuestionDraft(question.id(), (question.type() != null) ? question.type().jsonName() : null, question.label(),
				question.required(), question.options(), question.placeholder(), question.validation());
	}

	/** The type {@code type} names, or empty when it names none. */
	public Optional<QuestionType> questionType() {
		return QuestionType.fromJsonName(this.type);
	}

	/**
	 * The question this draft describes; check the drafts with {@link FormRules#checkDraft(List)} first.
	 * @throws IllegalStateException when {@code type} names no {@link QuestionType}
	 */
	public Question toQuestion() {
		QuestionType known = questionType().orElseThrow(() -> new IllegalStateException("Unknown question type: " + this.type));
		return new Question(this.id, known, this.label, this.required, this.options, this.placeholder, this.validation);
	}

}
