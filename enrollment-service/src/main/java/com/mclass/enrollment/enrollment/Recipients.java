package com.mclass.enrollment.enrollment;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.mclass.platform.web.security.AuthenticatedUser;

/**
 * The recipient of a student's enrollment emails, from their access token: {@code email}, and the {@code name} and
 * {@code locale} claims when the token carries them, else the email's local part and Korean. The one place that
 * knows where these come from.
 */
@Component
public class Recipients {

	static final String DEFAULT_LOCALE = "ko";

	private static final int MAX_NAME = 200;

	public Recipient of(AuthenticatedUser user) {
		String email = user.email();
		String name = present(user.name());
		String locale = present(user.locale());
		return new Recipient(email, (name != null) ? truncated(name) : localPart(email),
				(locale != null) ? languageTag(locale) : DEFAULT_LOCALE);
	}

	private static String present(String claim) {
		return (claim != null && !claim.isBlank()) ? claim.strip() : null;
	}

	private static String localPart(String email) {
		if (email == null || email.isBlank()) {
			return "";
		}
		int at = email.indexOf('@');
		return truncated((at > 0) ? email.substring(0, at) : email);
	}

	private static String languageTag(String locale) {
		String tag = Locale.forLanguageTag(locale.replace('_', '-')).toLanguageTag();
		return ("und".equals(tag) || tag.length() > 35) ? DEFAULT_LOCALE : tag;
	}

	private static String truncated(String text) {
		return (text.length() <= MAX_NAME) ? text : text.substring(0, MAX_NAME);
	}

}
