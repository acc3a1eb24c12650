package com.mclass.notification.mail;

import java.util.UUID;

/** A new account exists. */
public record WelcomeNotice(Recipient recipient, UUID userId) implements Notice {

	@Override
	public EmailType type() {
		return EmailType.WELCOME;
	}

}
