package com.mclass.classes.mclass;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The rules of a class that involve two fields: {@code recruitStartAt < recruitEndAt <= startAt < endAt}, and
 * {@code waitlistCapacity} is 0 unless {@code allowWaitlist}. Each broken rule is reported on the field it names, so
 * that a client can show it beside the right input.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentClassTermsValidator.class)
public @interface ConsistentClassTerms {

	String message() default "{mclass.validation.terms}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
