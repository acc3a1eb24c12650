package com.mclass.formrules;

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

	@JsonCreator
	public static QuestionType fromJson(String name) {
		for (QuestionType type : values()) {
			if (type.jsonName.equals(name)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown question type: " + name);
	}

}
