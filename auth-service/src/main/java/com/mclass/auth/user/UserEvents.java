package com.mclass.auth.user;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.mclass.platform.events.Outbox;

/**
 * The events other services learn about users from, on {@code mclass.user.events} keyed by user id (schema:
 * auth-service/README.md, data version 1). They are appended in the caller's transaction.
 * <ul>
 * <li>{@code UserRegistered}: an account now exists (local registration, first social login).</li>
 * <li>{@code SignupCompleted}: the user finished sign-up and may enroll; once per user. A local registration
 * completes at once (name and required terms are part of it), so it emits both, in this order; a social user emits
 * it at its first complete-signup. Agreeing to a later version of a term emits nothing.</li>
 * </ul>
 */
@Component
public class UserEvents {

	public static final String TOPIC = "mclass.user.events";

	static final int DATA_VERSION = 1;

	private final Outbox outbox;

	UserEvents(Outbox outbox) {
		this.outbox = outbox;
	}

	public UUID registered(User user) {
		return append("UserRegistered", user);
	}

	public UUID signupCompleted(User user) {
		return append("SignupCompleted", user);
	}

	private UUID append(String type, User user) {
		return this.outbox.append(TOPIC, type, user.getId().toString(), DATA_VERSION,
				new UserEventData(user.getId(), user.getEmail(), user.getName(), user.getLocale()));
	}

	/** The {@code data} of every user event. */
	public record UserEventData(UUID userId, String email, String name, String locale) {
	}

}
