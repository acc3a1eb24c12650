package com.mclass.auth.user;

import java.util.Locale;

/** The languages MClass writes to users in (e-mails, messages); anything else falls back to Korean. */
public enum Language {

	KO, EN;

	public static Language of(Locale locale) {
		return (locale != null && "en".equals(locale.getLanguage())) ? EN : KO;
	}

	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
