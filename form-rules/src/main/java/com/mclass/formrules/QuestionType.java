package com.mclass.formrules;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of question a form may ask, with the JSON names of the plan ({@code agreeTerms} in camel case). */
public enum QuestionType {

	TEXT("text"), TEXTAREA("textarea"), EMAIL("email"), PHONE("phone"), DATE("date"), RADIO("radio"),
	CHECKBOX("checkbox"), SELECT("select"), AGREE_TERMS("agreeTerms");

	private final String jsonName;

	QuestionType(String jsonName) {
		this.jsonName = jsonName;
	}

	@JsonValue
	public String jsonName() {
		return this.jsonName;
	}

	/** Radio, checkbox and select offer a fixed list of options; the others must not. */
	public boolean hasOptions() {
		return this == RADIO || this == CHECKBOX || this == SELECT;
	}

	/** Free-text answers are the ones that length and pattern rules apply to. */
	public boolean isFreeText() {
		return this == TEXT || this == TEXTAREA || this == EMAIL || this == PHONE;
	}

	/**
	 * @throws IllegalArgumentException for a name that is not a question type; {@link QuestionDraft} reads a form
	 * an admin submits without this, so that an unknown type is reported as a violation instead
	 */
	@JsonCreator
	public static QuestionType fromJson(String name) {
		return fromJsonName(name).orElseThrow(() -> new IllegalArgumentException("Unknown question type: " + name));
	}

	/** The type a JSON name stands for, or empty when it names none (names are case-sensitive). */
	public static Optional<QuestionType> fromJsonName(String name) {
		return Arrays.stream(values()).filter((type) -> type.jsonName.equals(name)).findFirst();
	}

	/** All JSON names, comma-separated, for messages that list what is allowed. */
	public static String jsonNames() {
		return Arrays.stream(values()).map(QuestionType::jsonName).collect(Collectors.joining(", "));
	}

}
