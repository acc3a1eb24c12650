package com.mclass.formrules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of enrollment forms: what a valid form definition is, and what a valid set of answers to it is. Both
 * return every violation, not only the first, each naming the field at fault.
 */
public final class FormRules {

	public static final int MAX_QUESTIONS = 50;

	public static final int MAX_OPTIONS = 100;

	public static final int MAX_LABEL_LENGTH = 200;

	public static final int MAX_OPTION_LENGTH = 200;

	public static final int MAX_PLACEHOLDER_LENGTH = 200;

	/** The longest free-text answer any question may allow, and the limit when a question sets none. */
	public static final int MAX_ANSWER_LENGTH = 10_000;

	private static final Pattern QUESTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,50}");

	// Deliberately simple: one @, a dot in the domain, no spaces; full RFC 5322 is not what a form needs.
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	// Korean numbers: mobile 010-1234-5678 (hyphens optional), +82 10-1234-5678 / +821012345678, and landlines
	// such as 02-123-4567 or 031-1234-5678.
	private static final Pattern PHONE = Pattern.compile(
			"(01[016789]-?\\d{3,4}-?\\d{4})|(\\+82[ -]?1[016789][ -]?\\d{3,4}[ -]?\\d{4})|(0(2|[3-6][1-5])-?\\d{3,4}-?\\d{4})");

	private FormRules() {
	}

	/** Checks a form definition as an admin publishes it; fields are named {@code questions[i].…}. */
	public static List<Violation> checkDefinition(List<Question> questions) {
		List<Violation> violations = new ArrayList<>();
		if (questions == null || questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
			violations.add(Violation.of("questions", "questionCount", "must hold between 1 and {0} questions", MAX_QUESTIONS));
			if (questions == null) {
				return violations;
			}
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < questions.size(); i++) {
			String at = "questions[" + i + "]";
			Question question = questions.get(i);
			if (question == null) {
				violations.add(Violation.of(at, "required", "is required"));
				continue;
			}
			if (question.id() == null || !QUESTION_ID.matcher(question.id()).matches()) {
				violations.add(Violation.of(at + ".id", "questionId", "must be 1-50 letters, digits, '-' or '_'"));
			}
			else if (!ids.add(question.id())) {
				violations.add(Violation.of(at + ".id", "duplicate", "is used by another question"));
			}
			if (question.type() == null) {
				violations.add(Violation.of(at + ".type", "required", "is required"));
			}
			if (isBlank(question.label()) || question.label().length() > MAX_LABEL_LENGTH) {
				violations.add(Violation.of(at + ".label", "length", "must be between {0} and {1} characters", 1, MAX_LABEL_LENGTH));
			}
			if (question.placeholder() != null && question.placeholder().length() > MAX_PLACEHOLDER_LENGTH) {
				violations.add(Violation.of(at + ".placeholder", "length", "must be between {0} and {1} characters", 0,
						MAX_PLACEHOLDER_LENGTH));
			}
			checkOptions(question, at, violations);
			checkConstraints(question, at, violations);
		}
		return violations;
	}

	private static void checkOptions(Question question, String at, List<Violation> violations) {
		List<String> options = question.options();
		boolean hasOptions = options != null && !options.isEmpty();
		if (question.type() == null) {
			return;
		}
		if (!question.type().hasOptions()) {
			if (hasOptions) {
				violations.add(Violation.of(at + ".options", "optionsNotAllowed", "are only allowed for radio, checkbox and select"));
			}
			return;
		}
		if (!hasOptions || options.size() > MAX_OPTIONS) {
			violations.add(Violation.of(at + ".options", "optionCount", "must hold between 1 and {0} options", MAX_OPTIONS));
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int j = 0; j < options.size(); j++) {
			String option = options.get(j);
			if (isBlank(option) || option.length() > MAX_OPTION_LENGTH) {
				violations.add(Violation.of(at + ".options[" + j + "]", "length", "must be between {0} and {1} characters", 1,
						MAX_OPTION_LENGTH));
			}
			else if (!seen.add(option)) {
				violations.add(Violation.of(at + ".options[" + j + "]", "duplicate", "is listed twice"));
			}
		}
	}

	private static void checkConstraints(Question question, String at, List<Violation> violations) {
		Question.AnswerConstraints constraints = question.validation();
		if (constraints == null) {
			return;
		}
		boolean freeText = question.type() != null && question.type().isFreeText();
		Integer min = constraints.minLength();
		Integer max = constraints.maxLength();
		if ((min != null || max != null || constraints.pattern() != null) && question.type() != null && !freeText) {
			violations.add(Violation.of(at + ".validation", "validationNotAllowed",
					"length and pattern rules only apply to text, textarea, email and phone"));
			return;
		}
		if (min != null && (min < 0 || min > MAX_ANSWER_LENGTH)) {
			violations.add(Violation.of(at + ".validation.minLength", "range", "must be between {0} and {1}", 0, MAX_ANSWER_LENGTH));
		}
		if (max != null && (max < 1 || max > MAX_ANSWER_LENGTH)) {
			violations.add(Violation.of(at + ".validation.maxLength", "range", "must be between {0} and {1}", 1, MAX_ANSWER_LENGTH));
		}
		if (min != null && max != null && min > max) {
			violations.add(Violation.of(at + ".validation.minLength", "minAboveMax", "must not exceed maxLength"));
		}
		if (constraints.pattern() != null) {
			SafePattern.problemWith(constraints.pattern())
				.ifPresent((problem) -> violations.add(Violation.of(at + ".validation.pattern", problem,
						"must be a valid regular expression of at most " + SafePattern.MAX_LENGTH
								+ " characters without nested repetition, backreferences or lookarounds")));
		}
	}

	/**
	 * Checks a student's answers ({@code questionId → value}: a string, a list of strings for checkbox, a boolean
	 * for agreeTerms) against the questions they answer; fields are named {@code answers.<questionId>}.
	 */
	public static List<Violation> checkAnswers(List<Question> questions, Map<String, ?> answers) {
		Map<String, ?> given = (answers != null) ? answers : Map.of();
		Map<String, Question> byId = new LinkedHashMap<>();
		questions.forEach((question) -> byId.put(question.id(), question));
		List<Violation> violations = new ArrayList<>();
		for (String id : given.keySet()) {
			if (!byId.containsKey(id)) {
				violations.add(Violation.of("answers." + id, "unknownQuestion", "is not a question of this form"));
			}
		}
		for (Question question : questions) {
			checkAnswer(question, given.get(question.id()), "answers." + question.id(), violations);
		}
		return violations;
	}

	private static void checkAnswer(Question question, Object value, String field, List<Violation> violations) {
		if (isEmptyAnswer(value)) {
			if (question.required()) {
				violations.add(Violation.of(field, (question.type() == QuestionType.AGREE_TERMS) ? "mustAgree" : "required",
						(question.type() == QuestionType.AGREE_TERMS) ? "must be agreed to" : "is required"));
			}
			return;
		}
		switch (question.type()) {
			case TEXT, TEXTAREA, EMAIL, PHONE -> checkFreeText(question, value, field, violations);
			case DATE -> {
				if (!(value instanceof String text) || !isIsoDate(text)) {
					violations.add(Violation.of(field, "invalidDate", "must be a date like 2026-03-01"));
				}
			}
			case RADIO, SELECT -> {
				if (!(value instanceof String choice) || !question.options().contains(choice)) {
					violations.add(Violation.of(field, "notAnOption", "must be one of the offered options"));
				}
			}
			case CHECKBOX -> checkCheckbox(question, value, field, violations);
			case AGREE_TERMS -> {
				if (!(value instanceof Boolean agreed)) {
					violations.add(Violation.of(field, "wrongType", "must be true or false"));
				}
				else if (question.required() && !agreed) {
					violations.add(Violation.of(field, "mustAgree", "must be agreed to"));
				}
			}
		}
	}

	private static void checkFreeText(Question question, Object value, String field, List<Violation> violations) {
		if (!(value instanceof String text)) {
			violations.add(Violation.of(field, "wrongType", "must be text"));
			return;
		}
		Question.AnswerConstraints constraints = question.validation();
		int length = text.codePointCount(0, text.length());
		int min = (constraints != null && constraints.minLength() != null) ? constraints.minLength() : 0;
		int max = (constraints != null && constraints.maxLength() != null) ? constraints.maxLength() : MAX_ANSWER_LENGTH;
		if (length < min) {
			violations.add(Violation.of(field, "tooShort", "must be at least {0} characters", min));
		}
		if (length > max) {
			violations.add(Violation.of(field, "tooLong", "must be at most {0} characters", max));
		}
		if (question.type() == QuestionType.EMAIL && (text.length() > 254 || !EMAIL.matcher(text).matches())) {
			violations.add(Violation.of(field, "invalidEmail", "must be an email address"));
		}
		if (question.type() == QuestionType.PHONE && (text.length() > 20 || !PHONE.matcher(text).matches())) {
			violations.add(Violation.of(field, "invalidPhone", "must be a phone number like 010-1234-5678"));
		}
		if (constraints != null && constraints.pattern() != null && length <= max
				&& !SafePattern.compile(constraints.pattern()).matchesFully(text)) {
			violations.add(Violation.of(field, "patternMismatch", "does not have the expected format"));
		}
	}

	private static void checkCheckbox(Question question, Object value, String field, List<Violation> violations) {
		if (!(value instanceof Collection<?> choices)) {
			violations.add(Violation.of(field, "wrongType", "must be a list of options"));
			return;
		}
		Set<Object> seen = new HashSet<>();
		for (Object choice : choices) {
			if (!(choice instanceof String text) || !question.options().contains(text) || !seen.add(choice)) {
				violations.add(Violation.of(field, "notAnOption", "must be one of the offered options"));
				return;
			}
		}
	}

	private static boolean isEmptyAnswer(Object value) {
		return value == null || (value instanceof String text && text.isBlank())
				|| (value instanceof Collection<?> list && list.isEmpty());
	}

	private static boolean isIsoDate(String text) {
		if (text.length() != 10) {
			return false;
		}
		try {
			LocalDate.parse(text);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
