package com.mclass.notification.outbox;

import com.mclass.notification.mail.EmailType;

/**
 * Filters of the admin list; {@code null} filters match everything. Pages count from 0.
 *
 * @param recipient matched exactly, ignoring case
 */
public record EmailSearch(EmailStatus status, EmailType type, String recipient, int page, int size) {
}
