package com.mclass.classes.formrules;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of question a form can ask, named on the wire as in the product plan ({@code agreeTerms}, ...). */
public enum QuestionType {

	TEXT("text", 1_000),
	TEXTAREA("textarea", 10_000),
	EMAIL("email", 254),
	PHONE("phone", 20),
	DATE("date", 10),
	RADIO("radio", 200),
	CHECKBOX("checkbox", 200),
	SELECT("select", 200),
	AGREE_TERMS("agreeTerms", 0);

	private final String wireName;

	private final int defaultMaxLength;

	QuestionType(String wireName, int defaultMaxLength) {
		this.wireName = wireName;
		this.defaultMaxLength = defaultMaxLength;
	}

	public String wireName() {
		return this.wireName;
	}

	/** The type a question names, or empty when the name is unknown (names are case-sensitive). */
	public static Optional<QuestionType> fromWireName(String name) {
		return Arrays.stream(values()).filter((type) -> type.wireName.equals(name)).findFirst();
	}

	/** All wire names, for messages that list what is allowed. */
	public static String wireNames() {
		return Arrays.stream(values()).map(QuestionType::wireName).collect(Collectors.joining(", "));
	}

	/** Radio, checkbox and select answers are chosen from the question's options. */
	public boolean hasOptions() {
		return this == RADIO || this == CHECKBOX || this == SELECT;
	}

	/** Types whose answer is free text and may carry {@code validation} (lengths and a pattern). */
	public boolean acceptsTextRules() {
		return this == TEXT || this == TEXTAREA || this == EMAIL || this == PHONE;
	}

	/** The longest answer accepted when the question sets no {@code maxLength}: no answer is unbounded. */
	int defaultMaxLength() {
		return this.defaultMaxLength;
	}

}
