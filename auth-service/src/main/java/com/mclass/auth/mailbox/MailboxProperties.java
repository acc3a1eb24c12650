package com.mclass.auth.mailbox;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param verificationUrl where a verification link points; {@code ?token=} is appended. Default: this service's
 * {@code GET /api/auth/verify-email} through the gateway ({@code MCLASS_AUTH_VERIFICATION_URL})
 * @param passwordResetUrl the front-end page that asks for the new password and posts it with the token to
 * {@code /api/auth/password-reset/confirm}; {@code ?token=} is appended ({@code MCLASS_AUTH_PASSWORD_RESET_URL})
 * @param verificationTtl how long a verification link works
 * @param resetTtl how long a password reset link works
 * @param mailsPerHour verification mails (and, separately, reset mails) one recipient gets at most per hour
 */
@ConfigurationProperties("mclass.auth.email")
record MailboxProperties(URI verificationUrl, URI passwordResetUrl, @DefaultValue("24h") Duration verificationTtl,
		@DefaultValue("1h") Duration resetTtl, @DefaultValue("3") int mailsPerHour) {
}
