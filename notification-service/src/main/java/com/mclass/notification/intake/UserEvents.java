package com.mclass.notification.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import com.mclass.notification.mail.AccountLinkNotice;
import com.mclass.notification.mail.EmailType;
import com.mclass.notification.mail.Notice;
import com.mclass.notification.mail.Recipient;
import com.mclass.notification.mail.WelcomeNotice;

/**
 * auth-service's events ({@code mclass.user.events}, data version 1, {@code data} = {@code {userId, email, name,
 * locale}} plus the link of the mail where there is one).
 * <ul>
 * <li>{@code UserRegistered}: the welcome email; for a local account ({@code data.verificationUrl} present) the
 * verification email, which welcomes and carries the link that verifies the address.</li>
 * <li>{@code EmailVerificationRequested} ({@code data.verificationUrl}): the verification email again.</li>
 * <li>{@code PasswordResetRequested} ({@code data.resetUrl}): the password reset email.</li>
 * <li>{@code SignupCompleted}: no email. A local registration publishes it right after {@code UserRegistered}, so a
 * second mail would arrive in the same minute saying the same thing; a social user got the welcome mail at first
 * login. The event is still recorded in the inbox.</li>
 * </ul>
 */
final class UserEvents {

	static final String USER_REGISTERED = "UserRegistered";

	static final String SIGNUP_COMPLETED = "SignupCompleted";

	private UserEvents() {
	}

	static final String EMAIL_VERIFICATION_REQUESTED = "EmailVerificationRequested";

	static final String PASSWORD_RESET_REQUESTED = "PasswordResetRequested";

	static Notice welcome(IncomingEvent event) {
		JsonNode envelope = event.envelopeWithData();
		Recipient recipient = EventFields.recipient(envelope, "data.");
		UUID userId = EventFields.requiredUuid(envelope, "data.userId");
		Optional<String> verification = EventFields.text(envelope, "data.verificationUrl");
		if (verification.isPresent()) {
			return new AccountLinkNotice(EmailType.EMAIL_VERIFICATION, recipient, userId, link(verification.get(), "data.verificationUrl"));
		}
		return new WelcomeNotice(recipient, userId);
	}

	static Notice verification(IncomingEvent event) {
		return accountLink(event, EmailType.EMAIL_VERIFICATION, "data.verificationUrl");
	}

	static Notice passwordReset(IncomingEvent event) {
		return accountLink(event, EmailType.PASSWORD_RESET, "data.resetUrl");
	}

	private static Notice accountLink(IncomingEvent event, EmailType type, String linkPath) {
		JsonNode envelope = event.envelopeWithData();
		return new AccountLinkNotice(type, EventFields.recipient(envelope, "data."), EventFields.requiredUuid(envelope, "data.userId"),
				link(EventFields.requiredText(envelope, linkPath), linkPath));
	}

	/** Only an absolute http(s) URL goes into a mail's link. */
	private static URI link(String value, String path) {
		try {
			URI uri = new URI(value);
			if (!uri.isAbsolute() || uri.getHost() == null
					|| !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
				throw new UnprocessableEvent(path + " is not an http(s) URL");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new UnprocessableEvent(path + " is not a URL");
		}
	}

}
