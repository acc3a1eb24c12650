package com.mclass.formrules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules of enrollment forms: what a valid form definition is, and what a valid set of answers to it is. Both
 * return every violation, not only the first, each naming the field at fault.
 * <p>
 * Definition codes ({@code questions…}): {@code questionCount} {0}=max, {@code required}, {@code questionId},
 * {@code duplicate}, {@code unknownType} {0}=the type names, {@code length} {0}=min {1}=max,
 * {@code optionsNotAllowed}, {@code optionCount} {0}=max, {@code validationNotAllowed}, {@code range} {0}=min
 * {1}=max, {@code minAboveMax}, and the pattern codes of {@link SafePattern#problemWith(String)}
 * ({@code patternTooLong} {0}=max).
 * <p>
 * Answer codes ({@code answers.<questionId>}, one per question at most): {@code unknownQuestion}, {@code required},
 * {@code mustAgree}, {@code wrongType}, {@code tooLong} {0}=max, {@code tooShort} {0}=min, {@code invalidEmail},
 * {@code invalidPhone}, {@code invalidDate}, {@code notAnOption}, {@code patternMismatch}.
 */
public final class FormRules {

	public static final int MAX_QUESTIONS = 50;

	public static final int MAX_OPTIONS = 50;

	public static final int MAX_LABEL_LENGTH = 200;

	public static final int MAX_OPTION_LENGTH = 200;

	public static final int MAX_PLACEHOLDER_LENGTH = 200;

	/**
	 * The highest {@code minLength} and {@code maxLength} a question may set, and the limit of a textarea answer when
	 * it sets none (text answers default to {@value #MAX_TEXT_ANSWER_LENGTH}).
	 */
	public static final int MAX_ANSWER_LENGTH = 10_000;

	/** The limit of a text answer when its question sets no {@code maxLength}: no answer is unbounded. */
	public static final int MAX_TEXT_ANSWER_LENGTH = 1_000;

	/** An email address is at most 254 characters (RFC 5321's path limit less the angle brackets). */
	public static final int MAX_EMAIL_LENGTH = 254;

	public static final int MAX_PHONE_LENGTH = 20;

	private static final Pattern QUESTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,50}");

	// A practical dot-atom address: local@domain.tld, labels not starting or ending with '-'; full RFC 5322 (quoted
	// local parts, IP literals) is not what a form needs, and a mail server must accept what we accept.
	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
			+ "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	private static final int EMAIL_LOCAL_PART_MAX = 64;

	// Korean numbers, a hyphen or a single space between groups: mobile 010-1234-5678, 01012345678, 011-123-4567,
	// +82 10-1234-5678, +821012345678, and landlines such as 02-123-4567 or 031-1234-5678.
	private static final Pattern PHONE = Pattern.compile("(?:\\+82[ -]?|0)1[016789][ -]?\\d{3,4}[ -]?\\d{4}"
			+ "|0(?:2|[3-6][1-5])[ -]?\\d{3,4}[ -]?\\d{4}");

	private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

	private FormRules() {
	}

	/** Checks a form definition as an admin publishes it; fields are named {@code questions[i].…}. */
	public static List<Violation> checkDefinition(List<Question> questions) {
		return checkDraft((questions != null) ? questions.stream().map(QuestionDraft::of).toList() : null);
	}

	/**
	 * Checks a form definition as an admin submits it, types still as sent ({@link QuestionDraft}); fields are named
	 * {@code questions[i].…}. When it is empty, {@link QuestionDraft#toQuestion()} gives the questions to publish.
	 */
	public static List<Violation> checkDraft(List<QuestionDraft> questions) {
		List<Violation> violations = new ArrayList<>();
		if (questions == null || questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
			// Too many questions are not looked at one by one: that work is what the limit bounds.
			violations.add(Violation.of("questions", "questionCount", "must hold between 1 and {0} questions", MAX_QUESTIONS));
			return violations;
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < questions.size(); i++) {
			String at = "questions[" + i + "]";
			QuestionDraft question = questions.get(i);
			if (question == null) {
				violations.add(Violation.of(at, "required", "is required"));
				continue;
			}
			checkId(question.id(), at + ".id", ids, violations);
			Optional<QuestionType> type = checkType(question.type(), at + ".type", violations);
			checkLength(question.label(), 1, MAX_LABEL_LENGTH, at + ".label", violations);
			if (question.placeholder() != null) {
				checkLength(question.placeholder(), 0, MAX_PLACEHOLDER_LENGTH, at + ".placeholder", violations);
			}
			type.ifPresent((known) -> {
				checkOptions(known, question.options(), at + ".options", violations);
				checkConstraints(known, question.validation(), at + ".validation", violations);
			});
		}
		return violations;
	}

	private static void checkId(String id, String field, Set<String> seen, List<Violation> violations) {
		if (id == null || !QUESTION_ID.matcher(id).matches()) {
			violations.add(Violation.of(field, "questionId", "must be 1-50 letters, digits, '-' or '_'"));
		}
		else if (!seen.add(id)) {
			violations.add(Violation.of(field, "duplicate", "is used by another question"));
		}
	}

	private static Optional<QuestionType> checkType(String name, String field, List<Violation> violations) {
		if (name == null || name.isBlank()) {
			violations.add(Violation.of(field, "required", "is required"));
			return Optional.empty();
		}
		Optional<QuestionType> type = QuestionType.fromJsonName(name);
		if (type.isEmpty()) {
			violations.add(Violation.of(field, "unknownType", "is not a question type; use one of {0}", QuestionType.jsonNames()));
		}
		return type;
	}

	/** Blank text counts as empty; lengths are in code points. */
	private static boolean checkLength(String text, int min, int max, String field, List<Violation> violations) {
		int length = (text == null || text.isBlank()) ? 0 : text.codePointCount(0, text.length());
		if (length < min || length > max) {
			violations.add(Violation.of(field, "length", "must be between {0} and {1} characters long", min, max));
			return false;
		}
		return true;
	}

	private static void checkOptions(QuestionType type, List<String> options, String field, List<Violation> violations) {
		boolean hasOptions = options != null && !options.isEmpty();
		if (!type.hasOptions()) {
			if (hasOptions) {
				violations.add(Violation.of(field, "optionsNotAllowed", "are only allowed for radio, checkbox and select questions"));
			}
			return;
		}
		if (!hasOptions || options.size() > MAX_OPTIONS) {
			violations.add(Violation.of(field, "optionCount", "must list between 1 and {0} options", MAX_OPTIONS));
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int j = 0; j < options.size(); j++) {
			String option = options.get(j);
			String at = field + "[" + j + "]";
			if (checkLength(option, 1, MAX_OPTION_LENGTH, at, violations) && !seen.add(option)) {
				violations.add(Violation.of(at, "duplicate", "is listed twice"));
			}
		}
	}

	private static void checkConstraints(QuestionType type, Question.AnswerConstraints constraints, String field,
			List<Violation> violations) {
		if (constraints == null || constraints.declaresNothing()) {
			return;
		}
		if (!type.isFreeText()) {
			violations.add(Violation.of(field, "validationNotAllowed", "is only allowed for text, textarea, email and phone questions"));
			return;
		}
		Integer min = constraints.minLength();
		Integer max = constraints.maxLength();
		boolean minInRange = checkRange(min, 0, field + ".minLength", violations);
		boolean maxInRange = checkRange(max, 1, field + ".maxLength", violations);
		if (minInRange && maxInRange && min != null && max != null && min > max) {
			violations.add(Violation.of(field + ".maxLength", "minAboveMax", "must not be less than minLength"));
		}
		if (constraints.hasPattern()) {
			SafePattern.problem(constraints.pattern())
				.ifPresent((problem) -> violations.add(new Violation(field + ".pattern", problem.code(), problem.arguments(),
						problem.defaultMessage())));
		}
	}

	private static boolean checkRange(Integer value, int min, String field, List<Violation> violations) {
		if (value != null && (value < min || value > MAX_ANSWER_LENGTH)) {
			violations.add(Violation.of(field, "range", "must be between {0} and {1}", min, MAX_ANSWER_LENGTH));
			return false;
		}
		return true;
	}

	/**
	 * Checks a student's answers ({@code questionId → value}, as a JSON library reads them: a string, a list of
	 * strings for checkbox, a boolean for agreeTerms) against the questions of a published form. At most one
	 * violation per question, at {@code answers.<questionId>}, in question order; then answers to questions the form
	 * does not ask, in alphabetical order.
	 * @param answers {@code null} is read as no answers
	 * @throws IllegalArgumentException when the questions are not a published form's (a question or its type is
	 * missing, a pattern is unsafe)
	 */
	public static List<Violation> checkAnswers(List<Question> questions, Map<String, ?> answers) {
		Map<String, ?> given = (answers != null) ? answers : Map.of();
		Map<String, Question> byId = new LinkedHashMap<>();
		for (Question question : questions) {
			if (question == null || question.type() == null) {
				throw new IllegalArgumentException("Not a published form: a question or its type is missing");
			}
			byId.put(question.id(), question);
		}
		List<Violation> violations = new ArrayList<>();
		for (Question question : byId.values()) {
			Violation violation = checkAnswer(question, given.get(question.id()), "answers." + question.id());
			if (violation != null) {
				violations.add(violation);
			}
		}
		for (String id : new TreeSet<>(given.keySet())) {
			if (!byId.containsKey(id)) {
				violations.add(Violation.of("answers." + id, "unknownQuestion", "is not a question of this form"));
			}
		}
		return violations;
	}

	/** The first rule {@code value} breaks, or null. */
	private static Violation checkAnswer(Question question, Object value, String field) {
		if (question.type() == QuestionType.AGREE_TERMS) {
			return checkAgreement(question, value, field);
		}
		if (isEmptyAnswer(value)) {
			return question.required() ? Violation.of(field, "required", "is required") : null;
		}
		return switch (question.type()) {
			case TEXT, TEXTAREA, EMAIL, PHONE -> (value instanceof String text) ? checkFreeText(question, text, field)
					: Violation.of(field, "wrongType", "must be text");
			case DATE -> (value instanceof String text) ? (isIsoDate(text) ? null
					: Violation.of(field, "invalidDate", "must be a date like 2026-03-01")) : Violation.of(field, "wrongType", "must be text");
			case RADIO, SELECT -> (value instanceof String choice) ? (optionsOf(question).contains(choice) ? null : notAnOption(field))
					: Violation.of(field, "wrongType", "must be one option");
			case CHECKBOX -> checkCheckbox(question, value, field);
			case AGREE_TERMS -> checkAgreement(question, value, field);
		};
	}

	/** Only a boolean or nothing: an empty string is not "no", it is a client sending the wrong type. */
	private static Violation checkAgreement(Question question, Object value, String field) {
		if (value != null && !(value instanceof Boolean)) {
			return Violation.of(field, "wrongType", "must be true or false");
		}
		return (question.required() && !Boolean.TRUE.equals(value)) ? Violation.of(field, "mustAgree", "must be agreed to") : null;
	}

	private static Violation checkFreeText(Question question, String text, String field) {
		Question.AnswerConstraints constraints = question.validation();
		int length = text.codePointCount(0, text.length());
		int max = (constraints != null && constraints.maxLength() != null) ? constraints.maxLength() : defaultMaxLength(question.type());
		int min = (constraints != null && constraints.minLength() != null) ? constraints.minLength() : 0;
		if (length > max) {
			return Violation.of(field, "tooLong", "must be at most {0} characters long", max);
		}
		if (length < min) {
			return Violation.of(field, "tooShort", "must be at least {0} characters long", min);
		}
		if (question.type() == QuestionType.EMAIL && !isEmail(text)) {
			return Violation.of(field, "invalidEmail", "must be an email address");
		}
		if (question.type() == QuestionType.PHONE && !PHONE.matcher(text).matches()) {
			return Violation.of(field, "invalidPhone", "must be a phone number like 010-1234-5678");
		}
		if (constraints != null && constraints.hasPattern() && !SafePattern.compile(constraints.pattern()).matchesFully(text)) {
			return Violation.of(field, "patternMismatch", "does not have the expected format");
		}
		return null;
	}

	private static Violation checkCheckbox(Question question, Object value, String field) {
		if (!(value instanceof Collection<?> choices)) {
			return Violation.of(field, "wrongType", "must be a list of options");
		}
		List<String> options = optionsOf(question);
		Set<Object> seen = new HashSet<>();
		for (Object choice : choices) {
			if (!(choice instanceof String text)) {
				return Violation.of(field, "wrongType", "must be a list of options");
			}
			if (!options.contains(text) || !seen.add(text)) {
				return notAnOption(field);
			}
		}
		return null;
	}

	private static Violation notAnOption(String field) {
		return Violation.of(field, "notAnOption", "must be one of the offered options");
	}

	private static int defaultMaxLength(QuestionType type) {
		return switch (type) {
			case TEXT -> MAX_TEXT_ANSWER_LENGTH;
			case EMAIL -> MAX_EMAIL_LENGTH;
			case PHONE -> MAX_PHONE_LENGTH;
			default -> MAX_ANSWER_LENGTH;
		};
	}

	private static List<String> optionsOf(Question question) {
		return (question.options() != null) ? question.options() : List.of();
	}

	private static boolean isEmptyAnswer(Object value) {
		return value == null || (value instanceof String text && text.isBlank())
				|| (value instanceof Collection<?> list && list.isEmpty());
	}

	private static boolean isEmail(String text) {
		int at = text.lastIndexOf('@');
		return text.length() <= MAX_EMAIL_LENGTH && at > 0 && at <= EMAIL_LOCAL_PART_MAX && EMAIL.matcher(text).matches();
	}

	private static boolean isIsoDate(String text) {
		if (!DATE_SHAPE.matcher(text).matches()) {
			return false;
		}
		try {
			LocalDate.parse(text, ISO_DATE);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
