package com.mclass.enrollment.enrollment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.enrollment.EnrollmentErrorCode;
import com.mclass.enrollment.seat.FormSnapshots;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * A student changes their answers while the enrollment is APPLIED or WAITLISTED, checked against the form version the
 * enrollment answered (not a newer one published since). Not a transition: no seat moves, no event is sent.
 */
@Service
public class EditingAnswers {

	private final Enrollments enrollments;

	private final FormSnapshots forms;

	private final AnswerErrors answerErrors;

	private final Clock clock;

	EditingAnswers(Enrollments enrollments, FormSnapshots forms, AnswerErrors answerErrors, Clock clock) {
		this.enrollments = enrollments;
		this.forms = forms;
		this.answerErrors = answerErrors;
		this.clock = clock;
	}

	@Transactional
	public Enrollment edit(UUID userId, UUID classId, UUID enrollmentId, Map<String, Object> answers) {
		Enrollment enrollment = this.enrollments.find(enrollmentId)
			.filter((found) -> found.userId().equals(userId) && found.mclassId().equals(classId))
			.orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
		EnrollmentPolicy.requireEditable(enrollment.status());
		this.answerErrors.require(this.forms.questions(classId, enrollment.formVersion()), answers);
		// Conditional on the status again: a promotion committed since the read makes the enrollment final.
		if (!this.enrollments.replaceAnswers(enrollmentId, answers, this.clock.instant().truncatedTo(ChronoUnit.MICROS))) {
			throw new ApiException(EnrollmentErrorCode.ENROLLMENT_NOT_EDITABLE);
		}
		return this.enrollments.find(enrollmentId).orElseThrow();
	}

}
