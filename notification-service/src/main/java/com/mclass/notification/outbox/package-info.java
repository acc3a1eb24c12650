/**
 * The email outbox (the plan's EmailOutbox; not platform-events' event outbox): the queue table, the leased SMTP
 * sender with its retries (5 min, 15 min, 1 h) and metrics; {@code web/} is the admin API and {@code /internal/stats}.
 */
package com.mclass.notification.outbox;
