package com.mclass.notification.mail;

/** Something a person is to be told by email; {@link MailTemplates} turns it into the email's text. */
public sealed interface Notice permits EnrollmentNotice, WelcomeNotice, AccountLinkNotice {

	EmailType type();

	Recipient recipient();

}
