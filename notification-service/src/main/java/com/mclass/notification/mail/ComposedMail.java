package com.mclass.notification.mail;

/**
 * An email ready to send: its subject and both bodies, rendered once when the event arrives so that what is sent
 * (and retried) is exactly what was decided then.
 *
 * @param template the template it was rendered from, kept on the outbox row for support
 */
public record ComposedMail(String subject, String html, String text, String template) {
}
