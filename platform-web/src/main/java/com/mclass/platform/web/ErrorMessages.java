package com.mclass.platform.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Resolves the client-facing text of an error code in the request's language ({@code error.<CODE>} in the message
 * bundles; Korean by default, English with {@code Accept-Language: en}), falling back to the code's default text.
 */
public final class ErrorMessages {

	private final MessageSource messageSource;

	public ErrorMessages(MessageSource messageSource) {
		this.messageSource = messageSource;
	}

	public String messageFor(ErrorCode code, Object... arguments) {
		return messageFor(code, LocaleContextHolder.getLocale(), arguments);
	}

	public String messageFor(ErrorCode code, Locale locale, Object... arguments) {
		return this.messageSource.getMessage("error." + code.code(), arguments, code.defaultMessage(), locale);
	}

	/** A message for a key of the bundles, e.g. a validation reason, with the key itself when the bundles lack it. */
	public String text(String key, String fallback, Object... arguments) {
		return this.messageSource.getMessage(key, arguments, fallback, LocaleContextHolder.getLocale());
	}

}
