package com.mclass.notification.mail;

import java.net.URI;
import java.util.UUID;

/**
 * A mail whose point is one link into the account: verifying the e-mail address (the welcome mail of a local account
 * and its resends, {@link EmailType#EMAIL_VERIFICATION}) or resetting the password ({@link EmailType#PASSWORD_RESET}).
 * The link carries a single-use secret, so these mails show nothing else the sender chose: no name, no free text (the
 * name of an account is whatever the registrant typed, and the recipient may not be the registrant).
 */
public record AccountLinkNotice(EmailType type, Recipient recipient, UUID userId, URI link) implements Notice {

	public AccountLinkNotice {
		if (type != EmailType.EMAIL_VERIFICATION && type != EmailType.PASSWORD_RESET) {
			throw new IllegalArgumentException("Not an account-link mail: " + type);
		}
	}

}
