package com.mclass.notification.intake;

import tools.jackson.databind.JsonNode;

import com.mclass.notification.mail.WelcomeNotice;

/**
 * auth-service's events ({@code mclass.user.events}, data version 1, {@code data} = {@code {userId, email, name,
 * locale}}).
 * <ul>
 * <li>{@code UserRegistered}: the welcome email.</li>
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

	static WelcomeNotice welcome(IncomingEvent event) {
		JsonNode envelope = event.envelopeWithData();
		return new WelcomeNotice(EventFields.recipient(envelope, "data."), EventFields.requiredUuid(envelope, "data.userId"));
	}

}
