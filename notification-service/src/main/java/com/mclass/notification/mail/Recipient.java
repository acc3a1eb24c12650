package com.mclass.notification.mail;

import java.util.Locale;

/**
 * Who an email goes to and in which language: English when the account's locale is English ({@code en},
 * {@code en-US}, ...), Korean, the platform's language, otherwise.
 *
 * @param name may be {@code null}; the greeting then goes without it
 */
public record Recipient(String email, String name, Locale locale) {

	public static Recipient of(String email, String name, String localeTag) {
		return new Recipient(email, name, languageOf(localeTag));
	}

	static Locale languageOf(String localeTag) {
		boolean english = localeTag != null && localeTag.trim().toLowerCase(Locale.ROOT).matches("en([-_].*)?");
		return english ? Locale.ENGLISH : Locale.KOREAN;
	}

}
