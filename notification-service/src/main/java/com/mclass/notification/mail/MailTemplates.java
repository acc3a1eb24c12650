package com.mclass.notification.mail;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.mclass.notification.NotificationProperties;

/**
 * Renders a {@link Notice} into subject, HTML and plain text in the recipient's language, from the Thymeleaf
 * templates under {@code templates/mail/} and the texts in {@code messages*.properties}. Every value that comes from
 * an event (class title, reason, name) reaches the HTML through Thymeleaf's escaping, never as markup.
 */
@Component
public class MailTemplates {

	private static final int MAX_SUBJECT_TITLE = 80;

	private final ITemplateEngine engine;

	private final MessageSource messages;

	private final String webBaseUrl;

	private final ScheduleFormat schedules;

	MailTemplates(ITemplateEngine engine, MessageSource messages, NotificationProperties properties) {
		this.engine = engine;
		this.messages = messages;
		this.webBaseUrl = properties.webBaseUrl().toString().replaceAll("/+$", "");
		this.schedules = new ScheduleFormat(properties.timeZone());
	}

	public ComposedMail compose(Notice notice) {
		Locale locale = notice.recipient().locale();
		Context context = new Context(locale);
		context.setVariable("type", notice.type().name());
		context.setVariable("name", blankToNull(notice.recipient().name()));
		String template;
		String subject;
		if (notice instanceof EnrollmentNotice enrollment) {
			template = "enrollment";
			ClassDetails mclass = enrollment.mclass();
			subject = subject(notice.type(), locale, mclass.title());
			context.setVariable("title", mclass.title());
			context.setVariable("schedule", this.schedules.describe(mclass.startAt(), mclass.endAt(), locale));
			context.setVariable("online", mclass.online());
			context.setVariable("place", blankToNull(mclass.location()));
			context.setVariable("status", enrollment.status().name());
			context.setVariable("reason", blankToNull(enrollment.reason()));
			context.setVariable("offerDeadline", this.schedules.moment(enrollment.offerExpiresAt(), locale));
			context.setVariable("classUrl", link("mclasses", enrollment.mclassId().toString()));
			context.setVariable("enrollmentsUrl", link("enrollments", "my"));
		}
		else if (notice instanceof AccountLinkNotice account) {
			// No name: the recipient may not be who typed it, and a greeting is not worth a channel for anyone's text.
			context.setVariable("name", null);
			template = (account.type() == EmailType.EMAIL_VERIFICATION) ? "verification" : "password-reset";
			subject = subject(notice.type(), locale, null);
			context.setVariable("link", account.link().toString());
			context.setVariable("classesUrl", link("mclasses"));
		}
		else {
			template = "welcome";
			subject = subject(notice.type(), locale, null);
			context.setVariable("classesUrl", link("mclasses"));
		}
		context.setVariable("subject", subject);
		String html = this.engine.process("mail/" + template + ".html", context);
		String text = this.engine.process("mail/" + template + ".txt", context);
		return new ComposedMail(subject, html, text, "mail/" + template);
	}

	private String subject(EmailType type, Locale locale, String title) {
		return this.messages.getMessage("mail." + type.name() + ".subject", new Object[] { subjectSafe(title) }, locale);
	}

	/** Path segments are encoded, so an id can never bend a link elsewhere. */
	private String link(String... segments) {
		return UriComponentsBuilder.fromUriString(this.webBaseUrl).pathSegment(segments).encode().build().toUriString();
	}

	/**
	 * A subject is one header line: line breaks and control characters in a title would fold or inject headers, and a
	 * very long title would push the status out of sight in a mailbox list.
	 */
	static String subjectSafe(String title) {
		if (title == null) {
			return "";
		}
		String line = title.replaceAll("\\p{Cntrl}+", " ").replaceAll("\\s+", " ").strip();
		return (line.codePointCount(0, line.length()) <= MAX_SUBJECT_TITLE) ? line
				: line.substring(0, line.offsetByCodePoints(0, MAX_SUBJECT_TITLE - 1)) + "…";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
