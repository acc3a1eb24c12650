package com.mclass.classes.mclass;

import java.time.Instant;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link ConsistentClassTerms}; messages are keys of the service's bundle, so they follow the request's language.
 * Public with a public constructor because a plain Bean Validation provider (outside Spring) instantiates it.
 */
public class ConsistentClassTermsValidator implements ConstraintValidator<ConsistentClassTerms, ClassDraft> {

	public ConsistentClassTermsValidator() {
	}

	@Override
	public boolean isValid(ClassDraft draft, ConstraintValidatorContext context) {
		if (draft == null) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		boolean valid = true;
		if (bothSet(draft.recruitStartAt(), draft.recruitEndAt()) && !draft.recruitStartAt().isBefore(draft.recruitEndAt())) {
			valid = reject(context, "recruitEndAt", "{mclass.validation.recruitEndAt.afterRecruitStart}");
		}
		if (bothSet(draft.recruitEndAt(), draft.startAt()) && draft.recruitEndAt().isAfter(draft.startAt())) {
			valid = reject(context, "recruitEndAt", "{mclass.validation.recruitEndAt.notAfterStart}");
		}
		if (bothSet(draft.startAt(), draft.endAt()) && !draft.startAt().isBefore(draft.endAt())) {
			valid = reject(context, "endAt", "{mclass.validation.endAt.afterStart}");
		}
		if (!Boolean.TRUE.equals(draft.allowWaitlist()) && draft.waitlistCapacity() != null && draft.waitlistCapacity() > 0) {
			valid = reject(context, "waitlistCapacity", "{mclass.validation.waitlistCapacity.withoutWaitlist}");
		}
		return valid;
	}

	private static boolean bothSet(Instant first, Instant second) {
		return first != null && second != null;
	}

	private static boolean reject(ConstraintValidatorContext context, String field, String messageKey) {
		context.buildConstraintViolationWithTemplate(messageKey).addPropertyNode(field).addConstraintViolation();
		return false;
	}

}
