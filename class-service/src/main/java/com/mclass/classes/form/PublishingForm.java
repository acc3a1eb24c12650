package com.mclass.classes.form;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.classes.mclass.ClassEvents;
import com.mclass.classes.mclass.MClasses;
import com.mclass.formrules.FormRules;
import com.mclass.formrules.QuestionDraft;
import com.mclass.formrules.Violation;
import com.mclass.platform.events.Outbox;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorDetail;
import com.mclass.platform.web.ErrorMessages;

/**
 * Publishes a new version of a class's enrollment form: validates it, numbers it after the latest version (under the
 * class's row lock, so that two admins publishing at once get versions n and n+1 and a deleted class gets none), and
 * announces it with {@code EnrollmentFormPublished} in the same transaction.
 */
@Service
public class PublishingForm {

	private final MClasses classes;

	private final EnrollmentForms forms;

	private final Outbox outbox;

	private final Validator validator;

	private final ErrorMessages messages;

	private final Clock clock;

	PublishingForm(MClasses classes, EnrollmentForms forms, Outbox outbox, Validator validator, ErrorMessages messages, Clock clock) {
		this.classes = classes;
		this.forms = forms;
		this.outbox = outbox;
		this.validator = validator;
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional
	public EnrollmentForm publish(UUID classId, FormDraft draft, UUID adminId) {
		validate(draft);
		this.classes.findActiveForUpdate(classId).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
		EnrollmentForm form = new EnrollmentForm(UUID.randomUUID(), classId, this.forms.nextVersion(classId), draft.title().strip(),
				(draft.description() != null) ? draft.description() : "", draft.questions().stream().map(QuestionDraft::toQuestion).toList(),
				adminId, this.clock.instant());
		this.forms.add(form);
		this.outbox.append(ClassEvents.TOPIC, ClassEvents.ENROLLMENT_FORM_PUBLISHED, classId.toString(), ClassEvents.DATA_VERSION,
				EnrollmentFormPublished.of(form));
		return form;
	}

	/**
	 * The draft's annotations and the question rules, reported together: a 400 lists every fault of the form at once.
	 */
	private void validate(FormDraft draft) {
		List<ErrorDetail> details = new ArrayList<>();
		for (ConstraintViolation<FormDraft> violation : this.validator.validate(draft)) {
			details.add(new ErrorDetail(violation.getPropertyPath().toString(), violation.getMessage()));
		}
		for (Violation violation : FormRules.checkDraft(draft.questions())) {
			details.add(new ErrorDetail(violation.field(),
					this.messages.text(violation.messageKey(), violation.defaultMessage(), violation.arguments().toArray())));
		}
		if (!details.isEmpty()) {
			throw new ApiException(CommonErrorCode.VALIDATION_FAILED, null, details);
		}
	}

}
