/**
 * What an email says: the notices, the recipient's language, the templates and schedule formatting. Knows neither
 * Kafka nor the outbox.
 */
package com.mclass.notification.mail;
