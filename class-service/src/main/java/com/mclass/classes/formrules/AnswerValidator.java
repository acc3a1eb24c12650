package com.mclass.classes.formrules;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks an applicant's answers against a form: the one implementation class-service and enrollment-service share.
 * Build it once per form version ({@link #forQuestions(List)} compiles the patterns) and call
 * {@link #validate(Map)} per application; it is immutable and thread-safe.
 * <p>
 * Answers are the JSON object {@code {questionId: value}} as a JSON library reads it: strings, booleans, numbers,
 * lists. The rules, one violation per question at {@code answers.<questionId>}:
 * <ul>
 * <li>an answer for an id the form does not ask: {@code unknownQuestion};</li>
 * <li>missing, {@code null}, blank text or an empty list: {@code required} when the question is required, otherwise
 * accepted; a required {@code agreeTerms} question answers {@code mustAgree} unless the value is {@code true};</li>
 * <li>text, textarea, email, phone, date, radio, select take a string, checkbox a list of strings, agreeTerms a
 * boolean: {@code wrongType} otherwise;</li>
 * <li>lengths in code points: {@code tooLong} {0}=max (the question's {@code maxLength}, else 1,000 for text,
 * 10,000 for textarea, 254 for email, 20 for phone), {@code tooShort} {0}=min;</li>
 * <li>email: a practical address shape ({@code local@domain.tld}, local part up to 64): {@code invalidEmail};</li>
 * <li>phone: a Korean mobile number, {@code 010-1234-5678}, {@code 01012345678}, {@code 011-123-4567},
 * {@code +82 10-1234-5678}, {@code +821012345678} (hyphens or single spaces between groups; landlines are
 * refused): {@code invalidPhone};</li>
 * <li>date: an ISO calendar date {@code yyyy-MM-dd} that exists: {@code invalidDate};</li>
 * <li>radio, select: one of the options; checkbox: each element one of the options, none twice:
 * {@code notAnOption}, {@code duplicateOption};</li>
 * <li>the question's {@code validation.pattern} must match the whole answer: {@code patternMismatch}.</li>
 * </ul>
 */
public final class AnswerValidator {

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
			+ "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	private static final int EMAIL_LOCAL_PART_MAX = 64;

	private static final Pattern KOREAN_MOBILE = Pattern.compile("(?:\\+82[ -]?|0)1[016789][ -]?\\d{3,4}[ -]?\\d{4}");

	private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

	private final Map<String, CheckedQuestion> questions;

	private AnswerValidator(Map<String, CheckedQuestion> questions) {
		this.questions = questions;
	}

	/**
	 * @param questions a form's questions, as published (they passed {@link QuestionRules})
	 * @throws IllegalArgumentException when the questions break {@link QuestionRules}
	 */
	public static AnswerValidator forQuestions(List<Question> questions) {
		List<Violation> malformed = QuestionRules.check(questions);
		if (!malformed.isEmpty()) {
			throw new IllegalArgumentException("Not a valid form: " + malformed);
		}
		Map<String, CheckedQuestion> checked = new LinkedHashMap<>();
		for (Question question : questions) {
			QuestionValidation validation = question.validation();
			SafePattern pattern = (validation != null && validation.hasPattern()) ? SafePattern.compile(validation.pattern()) : null;
			checked.put(question.id(), new CheckedQuestion(question, question.questionType().orElseThrow(), pattern));
		}
		return new AnswerValidator(checked);
	}

	/** A form without questions: only an empty set of answers is valid. */
	public static AnswerValidator none() {
		return new AnswerValidator(Map.of());
	}

	/**
	 * Every rule the answers break, in question order and then unknown ids in alphabetical order; empty when they are
	 * valid.
	 * @param answers {@code questionId → value}; {@code null} is read as no answers
	 */
	public List<Violation> validate(Map<String, ?> answers) {
		Map<String, ?> given = (answers != null) ? answers : Map.of();
		List<Violation> violations = new ArrayList<>();
		for (CheckedQuestion question : this.questions.values()) {
			String code = question.check(given.get(question.question().id()));
			if (code != null) {
				violations.add(new Violation(field(question.question().id()), code, question.argumentsFor(code)));
			}
		}
		for (String id : new TreeSet<>(given.keySet())) {
			if (!this.questions.containsKey(id)) {
				violations.add(new Violation(field(id), "unknownQuestion"));
			}
		}
		return violations;
	}

	private static String field(String questionId) {
		return "answers." + questionId;
	}

	private record CheckedQuestion(Question question, QuestionType type, SafePattern pattern) {

		/** The code of the first rule {@code value} breaks, or null. */
		String check(Object value) {
			if (this.type == QuestionType.AGREE_TERMS) {
				return agreement(value);
			}
			if (isEmpty(value)) {
				return this.question.required() ? "required" : null;
			}
			return switch (this.type) {
				case CHECKBOX -> choices(value);
				case RADIO, SELECT -> (value instanceof String choice) ? (options().contains(choice) ? null : "notAnOption") : "wrongType";
				case DATE -> (value instanceof String text) ? (isDate(text) ? null : "invalidDate") : "wrongType";
				default -> (value instanceof String text) ? text(text) : "wrongType";
			};
		}

		private String agreement(Object value) {
			if (value != null && !(value instanceof Boolean)) {
				return "wrongType";
			}
			return (this.question.required() && !Boolean.TRUE.equals(value)) ? "mustAgree" : null;
		}

		private String choices(Object value) {
			if (!(value instanceof Collection<?> chosen)) {
				return "wrongType";
			}
			Set<Object> seen = new HashSet<>();
			for (Object choice : chosen) {
				if (!(choice instanceof String)) {
					return "wrongType";
				}
				if (!options().contains(choice)) {
					return "notAnOption";
				}
				if (!seen.add(choice)) {
					return "duplicateOption";
				}
			}
			return null;
		}

		private String text(String text) {
			int length = text.codePointCount(0, text.length());
			if (length > maxLength()) {
				return "tooLong";
			}
			if (length < minLength()) {
				return "tooShort";
			}
			if (this.type == QuestionType.EMAIL && !isEmail(text)) {
				return "invalidEmail";
			}
			if (this.type == QuestionType.PHONE && !KOREAN_MOBILE.matcher(text).matches()) {
				return "invalidPhone";
			}
			if (this.pattern != null && !this.pattern.matches(text)) {
				return "patternMismatch";
			}
			return null;
		}

		List<Object> argumentsFor(String code) {
			if (code.equals("tooLong")) {
				return List.of(maxLength());
			}
			if (code.equals("tooShort")) {
				return List.of(minLength());
			}
			return List.of();
		}

		private List<String> options() {
			return (this.question.options() != null) ? this.question.options() : List.of();
		}

		private int maxLength() {
			QuestionValidation validation = this.question.validation();
			return (validation != null && validation.maxLength() != null) ? validation.maxLength() : this.type.defaultMaxLength();
		}

		private int minLength() {
			QuestionValidation validation = this.question.validation();
			return (validation != null && validation.minLength() != null) ? validation.minLength() : 0;
		}

		private static boolean isEmpty(Object value) {
			return value == null || (value instanceof String text && text.isBlank())
					|| (value instanceof Collection<?> list && list.isEmpty());
		}

		private static boolean isEmail(String text) {
			int at = text.lastIndexOf('@');
			return at > 0 && at <= EMAIL_LOCAL_PART_MAX && EMAIL.matcher(text).matches();
		}

		private static boolean isDate(String text) {
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

}
