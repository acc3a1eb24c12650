package com.mclass.classes.mclass.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import com.mclass.classes.mclass.ClassSort;

/**
 * A {@code sort} parameter naming a field classes may be sorted on. A constraint rather than a check in the
 * controller, so that a bad sort is reported together with every other bad parameter.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SortableClassField.Check.class)
@interface SortableClassField {

	String message() default "{mclass.validation.sort}";

	/** Named in the message. */
	String allowed() default ClassSort.ALLOWED;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<SortableClassField, String> {

		@Override
		public boolean isValid(String sort, ConstraintValidatorContext context) {
			return ClassSort.parse(sort).isPresent();
		}

	}

}
