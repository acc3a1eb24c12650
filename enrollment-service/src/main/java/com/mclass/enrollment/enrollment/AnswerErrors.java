package com.mclass.enrollment.enrollment;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.mclass.formrules.FormRules;
import com.mclass.formrules.Question;
import com.mclass.formrules.Violation;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorDetail;
import com.mclass.platform.web.ErrorMessages;

/**
 * Checks answers with form-rules (the same rules class-service publishes forms with) and words every violation in
 * the client's language: one {@code answers.<questionId>} detail per question at fault, the reason from
 * {@code form.reason.<code>} in the bundles, else form-rules' English text.
 */
@Component
public class AnswerErrors {

	private final ErrorMessages messages;

	AnswerErrors(ErrorMessages messages) {
		this.messages = messages;
	}

	public List<ErrorDetail> check(List<Question> questions, Map<String, ?> answers) {
		return FormRules.checkAnswers(questions, answers).stream().map(this::detail).toList();
	}

	/** @throws ApiException {@code VALIDATION_FAILED} naming each question at fault */
	public void require(List<Question> questions, Map<String, ?> answers) {
		List<ErrorDetail> details = check(questions, answers);
		if (!details.isEmpty()) {
			throw invalid(details);
		}
	}

	public static ApiException invalid(List<ErrorDetail> details) {
		return new ApiException(CommonErrorCode.VALIDATION_FAILED, null, details);
	}

	ErrorDetail detail(Violation violation) {
		return new ErrorDetail(violation.field(), this.messages.text("form.reason." + violation.code(), violation.defaultMessage(),
				violation.arguments().toArray()));
	}

}
