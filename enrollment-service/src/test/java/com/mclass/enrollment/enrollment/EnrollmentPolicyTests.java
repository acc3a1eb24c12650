package com.mclass.enrollment.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.mclass.enrollment.EnrollmentErrorCode;
import com.mclass.enrollment.enrollment.EnrollmentPolicy.Action;
import com.mclass.enrollment.seat.ClassSeats;
import com.mclass.enrollment.seat.SelectionType;
import com.mclass.enrollment.seat.WaitlistMode;
import com.mclass.formrules.Question;
import com.mclass.formrules.QuestionType;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorDetail;
import com.mclass.platform.web.ErrorMessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EnrollmentPolicyTests {

	static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void approvesWhileSeatsRemain() {
		assertThat(EnrollmentPolicy.placementFor(SelectionType.FIRST_COME, 9, 10, true, 0, 5)).hasValue(EnrollmentStatus.APPROVED);
	}

	@Test
	void waitlistsWhenSeatsAreGoneButWaitlistIsOpen() {
		assertThat(EnrollmentPolicy.placementFor(SelectionType.FIRST_COME, 10, 10, true, 4, 5)).hasValue(EnrollmentStatus.WAITLISTED);
	}

	@Test
	void refusesWhenSeatsAndWaitlistAreGone() {
		assertThat(EnrollmentPolicy.placementFor(SelectionType.FIRST_COME, 10, 10, true, 5, 5)).isEmpty();
	}

	@Test
	void refusesWhenSeatsAreGoneAndTheClassHasNoWaitlist() {
		assertThat(EnrollmentPolicy.placementFor(SelectionType.FIRST_COME, 10, 10, false, 0, 5)).isEmpty();
	}

	@Test
	void reviewTakesEveryApplicationAsAppliedWhateverTheSeats() {
		assertThat(EnrollmentPolicy.placementFor(SelectionType.REVIEW, 10, 10, false, 0, 0)).hasValue(EnrollmentStatus.APPLIED);
	}

	@ParameterizedTest(name = "{0} from {1} → {2}")
	@CsvSource({ "APPROVE, APPLIED, APPROVED", "APPROVE, WAITLISTED, APPROVED", "APPROVE, APPROVED, ", "APPROVE, REJECTED, ",
			"APPROVE, CANCELED, ", "REJECT, APPLIED, REJECTED", "REJECT, WAITLISTED, REJECTED", "REJECT, APPROVED, REJECTED",
			"REJECT, REJECTED, ", "REJECT, CANCELED, ", "WAITLIST, APPLIED, WAITLISTED", "WAITLIST, WAITLISTED, ",
			"WAITLIST, APPROVED, ", "WAITLIST, REJECTED, ", "WAITLIST, CANCELED, ", "CANCEL, APPLIED, CANCELED",
			"CANCEL, APPROVED, CANCELED", "CANCEL, WAITLISTED, CANCELED", "CANCEL, REJECTED, ", "CANCEL, CANCELED, ",
			"PROMOTE, WAITLISTED, APPROVED", "PROMOTE, APPLIED, ", "PROMOTE, APPROVED, ", "PROMOTE, REJECTED, ", "PROMOTE, CANCELED, " })
	void everyTransitionFollowsTheStatusRules(Action action, EnrollmentStatus from, EnrollmentStatus to) {
		if (to != null) {
			assertThat(EnrollmentPolicy.transition(action, from)).isEqualTo(to);
			assertThat(EnrollmentPolicy.allows(action, from)).isTrue();
		}
		else {
			assertThat(EnrollmentPolicy.allows(action, from)).isFalse();
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> EnrollmentPolicy.transition(action, from))
				.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(EnrollmentErrorCode.TRANSITION_NOT_ALLOWED));
		}
	}

	@Test
	void answersCanBeEditedOnlyWhileWaitingForADecisionOrASeat() {
		assertThat(EnrollmentPolicy.isEditable(EnrollmentStatus.APPLIED)).isTrue();
		assertThat(EnrollmentPolicy.isEditable(EnrollmentStatus.WAITLISTED)).isTrue();
		for (EnrollmentStatus status : List.of(EnrollmentStatus.APPROVED, EnrollmentStatus.REJECTED, EnrollmentStatus.CANCELED)) {
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> EnrollmentPolicy.requireEditable(status))
				.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(EnrollmentErrorCode.ENROLLMENT_NOT_EDITABLE));
		}
	}

	@Test
	void anApplicationIsRefusedForAnIncompleteSignUpFirstThenAMissingClassThenTheRecruitWindow() {
		ClassSeats open = seats(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)), false);
		assertThat(EnrollmentPolicy.refusalToApply(false, null, NOW)).hasValue(EnrollmentErrorCode.SIGNUP_INCOMPLETE);
		assertThat(EnrollmentPolicy.refusalToApply(true, null, NOW)).hasValue(CommonErrorCode.NOT_FOUND);
		assertThat(EnrollmentPolicy.refusalToApply(true, seats(null, null, true), NOW)).hasValue(CommonErrorCode.NOT_FOUND);
		assertThat(EnrollmentPolicy.refusalToApply(true, seats(NOW.plusSeconds(1), null, false), NOW))
			.hasValue(EnrollmentErrorCode.RECRUITMENT_NOT_OPEN);
		assertThat(EnrollmentPolicy.refusalToApply(true, seats(null, NOW, false), NOW)).as("the end is exclusive")
			.hasValue(EnrollmentErrorCode.RECRUITMENT_CLOSED);
		assertThat(EnrollmentPolicy.refusalToApply(true, open, NOW)).isEmpty();
	}

	@Test
	void aCanceledStudentMayReapplyButAnActiveOrRejectedOneMayNot() {
		assertThat(EnrollmentPolicy.refusalToReapply(null)).isEmpty();
		assertThat(EnrollmentPolicy.refusalToReapply(EnrollmentStatus.CANCELED)).isEmpty();
		assertThat(EnrollmentPolicy.refusalToReapply(EnrollmentStatus.REJECTED)).hasValue(EnrollmentErrorCode.REAPPLY_AFTER_REJECTION);
		assertThat(EnrollmentPolicy.refusalToReapply(EnrollmentStatus.WAITLISTED)).hasValue(EnrollmentErrorCode.ALREADY_ENROLLED);
	}

	@Test
	void businessRefusalsAreReplayedButInvalidRequestsAndFailuresAreNot() {
		assertThat(EnrollmentPolicy.isReplayed(EnrollmentErrorCode.CLASS_FULL)).isTrue();
		assertThat(EnrollmentPolicy.isReplayed(EnrollmentErrorCode.ALREADY_ENROLLED)).isTrue();
		assertThat(EnrollmentPolicy.isReplayed(EnrollmentErrorCode.RECRUITMENT_CLOSED)).isTrue();
		assertThat(EnrollmentPolicy.isReplayed(CommonErrorCode.VALIDATION_FAILED)).isFalse();
		assertThat(EnrollmentPolicy.isReplayed(CommonErrorCode.NOT_FOUND)).isFalse();
		assertThat(EnrollmentPolicy.isReplayed(CommonErrorCode.SERVICE_UNAVAILABLE)).isFalse();
		assertThat(EnrollmentPolicy.isReplayed(EnrollmentErrorCode.IDEMPOTENCY_KEY_IN_USE)).isFalse();
	}

	@Test
	void noCancelOnceTheClassHasStarted() {
		Enrollment approved = new Enrollment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), EnrollmentStatus.APPROVED,
				Map.of(), null, null, NOW, NOW, null, null, new Recipient("a@b.c", "a", "ko"), null);
		ClassSeats started = new ClassSeats(UUID.randomUUID(), "t", null, false, SelectionType.FIRST_COME, 1, 0, false, 1, 0, 0, null,
				null, NOW, NOW.plusSeconds(3600), null, 1, false, 0, WaitlistMode.AUTO, Duration.ofDays(1));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> EnrollmentPolicy.requireCancelable(approved, started, NOW))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(EnrollmentErrorCode.CANCEL_AFTER_START));
	}

	@Test
	void invalidAnswersBecomeOneLocalizedDetailPerQuestionAtFault() {
		List<Question> questions = List.of(
				new Question("name", QuestionType.TEXT, "이름", true, null, null, new Question.AnswerConstraints(2, 10, null)),
				new Question("level", QuestionType.SELECT, "수준", true, List.of("초급", "고급"), null, null),
				new Question("agree", QuestionType.AGREE_TERMS, "동의", true, null, null, null));
		AnswerErrors answerErrors = new AnswerErrors(new ErrorMessages(bundles()));
		LocaleContextHolder.setLocale(Locale.KOREAN);

		List<ErrorDetail> korean = answerErrors.check(questions, Map.of("name", "김", "level", "중급", "extra", 1));
		assertThat(korean).extracting(ErrorDetail::field)
			.containsExactlyInAnyOrder("answers.extra", "answers.name", "answers.level", "answers.agree");
		assertThat(korean).contains(new ErrorDetail("answers.name", "2자 이상이어야 합니다"),
				new ErrorDetail("answers.agree", "동의해야 합니다"));

		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(answerErrors.check(questions, Map.of("name", "김", "level", "고급", "agree", true)))
			.containsExactly(new ErrorDetail("answers.name", "must be at least 2 characters"));
		assertThat(answerErrors.check(questions, Map.of("name", "김민지", "level", "고급", "agree", true))).isEmpty();
		assertThat(answerErrors.check(List.of(), Map.of())).as("no form, no answers").isEmpty();
	}

	private static ClassSeats seats(Instant recruitStart, Instant recruitEnd, boolean deleted) {
		return new ClassSeats(UUID.randomUUID(), "t", null, false, SelectionType.FIRST_COME, 10, 0, false, 0, 0, 0, recruitStart,
				recruitEnd, NOW.plus(Duration.ofDays(7)), null, null, 1, deleted, 0, WaitlistMode.AUTO, Duration.ofDays(1));
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setDefaultLocale(Locale.KOREAN);
		return messages;
	}

}
