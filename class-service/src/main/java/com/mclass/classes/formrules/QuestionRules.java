package com.mclass.classes.formrules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes the questions of a form well-formed. Every fault is reported, each at the path of the offending value
 * ({@code questions}, {@code questions[3].label}, {@code questions[1].options[2]}, {@code questions[0].validation.pattern}).
 * <p>
 * Codes: {@code questionsRequired} {0}=max, {@code tooManyQuestions} {0}=max, {@code required}, {@code invalidId},
 * {@code duplicateId}, {@code unknownType} {0}=allowed types, {@code tooLong} {0}=max, {@code optionsRequired},
 * {@code optionsForbidden}, {@code tooManyOptions} {0}=max, {@code duplicateOption}, {@code validationForbidden},
 * {@code outOfRange} {0}=min {1}=max, {@code minExceedsMax}, and the pattern codes of {@link PatternProblem}
 * ({@code patternTooLong} {0}=max).
 */
public final class QuestionRules {

	public static final int MAX_QUESTIONS = 50;

	public static final int MAX_OPTIONS = 50;

	public static final int MAX_LABEL_LENGTH = 200;

	public static final int MAX_OPTION_LENGTH = 200;

	public static final int MAX_PLACEHOLDER_LENGTH = 200;

	/** Bound of {@code minLength} and {@code maxLength}. */
	public static final int MAX_TEXT_LENGTH = 10_000;

	private static final Pattern QUESTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,50}");

	private QuestionRules() {
	}

	/** Every rule {@code questions} breaks; empty when the form may be published. */
	public static List<Violation> check(List<Question> questions) {
		List<Violation> violations = new ArrayList<>();
		if (questions == null || questions.isEmpty()) {
			violations.add(new Violation("questions", "questionsRequired", List.of(MAX_QUESTIONS)));
			return violations;
		}
		if (questions.size() > MAX_QUESTIONS) {
			violations.add(new Violation("questions", "tooManyQuestions", List.of(MAX_QUESTIONS)));
			return violations;
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < questions.size(); i++) {
			String at = "questions[" + i + "]";
			Question question = questions.get(i);
			if (question == null) {
				violations.add(new Violation(at, "required"));
				continue;
			}
			checkId(question.id(), at + ".id", ids, violations);
			Optional<QuestionType> type = checkType(question.type(), at + ".type", violations);
			checkText(question.label(), true, MAX_LABEL_LENGTH, at + ".label", violations);
			checkText(question.placeholder(), false, MAX_PLACEHOLDER_LENGTH, at + ".placeholder", violations);
			type.ifPresent((known) -> {
				checkOptions(known, question.options(), at + ".options", violations);
				checkValidation(known, question.validation(), at + ".validation", violations);
			});
		}
		return violations;
	}

	private static void checkId(String id, String field, Set<String> seen, List<Violation> violations) {
		if (id == null || id.isEmpty()) {
			violations.add(new Violation(field, "required"));
		}
		else if (!QUESTION_ID.matcher(id).matches()) {
			violations.add(new Violation(field, "invalidId"));
		}
		else if (!seen.add(id)) {
			violations.add(new Violation(field, "duplicateId"));
		}
	}

	private static Optional<QuestionType> checkType(String name, String field, List<Violation> violations) {
		if (name == null || name.isBlank()) {
			violations.add(new Violation(field, "required"));
			return Optional.empty();
		}
		Optional<QuestionType> type = QuestionType.fromWireName(name);
		if (type.isEmpty()) {
			violations.add(new Violation(field, "unknownType", List.of(QuestionType.wireNames())));
		}
		return type;
	}

	private static void checkText(String text, boolean required, int maxLength, String field, List<Violation> violations) {
		if (text == null || text.isBlank()) {
			if (required) {
				violations.add(new Violation(field, "required"));
			}
		}
		else if (text.codePointCount(0, text.length()) > maxLength) {
			violations.add(new Violation(field, "tooLong", List.of(maxLength)));
		}
	}

	private static void checkOptions(QuestionType type, List<String> options, String field, List<Violation> violations) {
		if (!type.hasOptions()) {
			if (options != null && !options.isEmpty()) {
				violations.add(new Violation(field, "optionsForbidden"));
			}
			return;
		}
		if (options == null || options.isEmpty()) {
			violations.add(new Violation(field, "optionsRequired"));
			return;
		}
		if (options.size() > MAX_OPTIONS) {
			violations.add(new Violation(field, "tooManyOptions", List.of(MAX_OPTIONS)));
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int j = 0; j < options.size(); j++) {
			String option = options.get(j);
			String at = field + "[" + j + "]";
			if (option == null || option.isBlank()) {
				violations.add(new Violation(at, "required"));
			}
			else if (option.codePointCount(0, option.length()) > MAX_OPTION_LENGTH) {
				violations.add(new Violation(at, "tooLong", List.of(MAX_OPTION_LENGTH)));
			}
			else if (!seen.add(option)) {
				violations.add(new Violation(at, "duplicateOption"));
			}
		}
	}

	private static void checkValidation(QuestionType type, QuestionValidation validation, String field, List<Violation> violations) {
		if (validation == null || validation.declaresNothing()) {
			return;
		}
		if (!type.acceptsTextRules()) {
			violations.add(new Violation(field, "validationForbidden"));
			return;
		}
		boolean minInRange = checkLength(validation.minLength(), field + ".minLength", violations);
		boolean maxInRange = checkLength(validation.maxLength(), field + ".maxLength", violations);
		if (minInRange && maxInRange && validation.minLength() != null && validation.maxLength() != null
				&& validation.minLength() > validation.maxLength()) {
			violations.add(new Violation(field + ".maxLength", "minExceedsMax"));
		}
		if (validation.hasPattern()) {
			SafePattern.problemWith(validation.pattern())
				.ifPresent((problem) -> violations.add(new Violation(field + ".pattern", problem.code(),
						(problem == PatternProblem.TOO_LONG) ? List.of(SafePattern.MAX_LENGTH) : List.of())));
		}
	}

	private static boolean checkLength(Integer length, String field, List<Violation> violations) {
		if (length != null && (length < 0 || length > MAX_TEXT_LENGTH)) {
			violations.add(new Violation(field, "outOfRange", List.of(0, MAX_TEXT_LENGTH)));
			return false;
		}
		return true;
	}

}
