package com.mclass.auth.user;

import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Built by Spring's constraint validator factory, which injects the policy bean. */
class AcceptablePasswordValidator implements ConstraintValidator<AcceptablePassword, String> {

	private final PasswordPolicy policy;

	AcceptablePasswordValidator(PasswordPolicy policy) {
		this.policy = policy;
	}

	@Override
	public boolean isValid(String password, ConstraintValidatorContext context) {
		if (password == null) {
			return true;
		}
		Optional<PasswordPolicy.Violation> violation = this.policy.check(password);
		if (violation.isEmpty()) {
			return true;
		}
		String template = switch (violation.get()) {
			case TOO_SHORT -> "{validation.password.tooShort}";
			case TOO_LONG -> "{validation.password.tooLong}";
			case COMMON -> "{validation.password.common}";
		};
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(template).addConstraintViolation();
		return false;
	}

}
