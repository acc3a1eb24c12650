package com.mclass.auth.user;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * <li>{@code EmailVerificationRequested}, {@code PasswordResetRequested}: a mail with a link to the user's address.</li>
 * <li>{@code UserRoleChanged}, {@code UserDisabled}, {@code UserEnabled}: an administrator changed the account
 * ({@link AccountChange}: who, and the role before and after); enrollment-service's admin audit feed shows them.</li>
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

	/** A social account: the welcome mail. */
	public UUID registered(User user) {
		return append("UserRegistered", user, null, null);
	}

	/** A local account: the welcome mail is the verification mail, with this link. */
	public UUID registered(User user, String verificationUrl) {
		return append("UserRegistered", user, verificationUrl, null);
	}

	public UUID signupCompleted(User user) {
		return append("SignupCompleted", user, null, null);
	}

	/** The verification mail again (the user asked for it). */
	public UUID emailVerificationRequested(User user, String verificationUrl) {
		return append("EmailVerificationRequested", user, verificationUrl, null);
	}

	/** The password reset mail. */
	public UUID passwordResetRequested(User user, String resetUrl) {
		return append("PasswordResetRequested", user, null, resetUrl);
	}

	/** An administrator ({@code changedBy}) gave the user another role; {@code user} already has the new one. */
	public UUID roleChanged(User user, Role previousRole, UUID changedBy) {
		return appendChange("UserRoleChanged", user, previousRole, changedBy);
	}

	/** An administrator disabled ({@code user.isDisabled()}) or enabled the account again. */
	public UUID disabledChanged(User user, UUID changedBy) {
		return appendChange(user.isDisabled() ? "UserDisabled" : "UserEnabled", user, user.getRole(), changedBy);
	}

	private UUID appendChange(String type, User user, Role previousRole, UUID changedBy) {
		return this.outbox.append(TOPIC, type, user.getId().toString(), DATA_VERSION, new AccountChange(user.getId(),
				user.getEmail(), user.getName(), user.getLocale(), previousRole, user.getRole(), user.isDisabled(), changedBy));
	}

	private UUID append(String type, User user, String verificationUrl, String resetUrl) {
		return this.outbox.append(TOPIC, type, user.getId().toString(), DATA_VERSION,
				new UserEventData(user.getId(), user.getEmail(), user.getName(), user.getLocale(), verificationUrl, resetUrl));
	}

	/**
	 * The {@code data} of every user event. {@code verificationUrl} / {@code resetUrl}: the link of the mail the event
	 * asks for, carrying a single-use token (present only on the events that send one).
	 */
	public record UserEventData(UUID userId, String email, String name, String locale,
			@JsonInclude(JsonInclude.Include.NON_NULL) String verificationUrl,
			@JsonInclude(JsonInclude.Include.NON_NULL) String resetUrl) {
	}

	/**
	 * The {@code data} of the administrator's changes: the user's identity as in {@link UserEventData}, the role before
	 * and after, whether the account is disabled now, and the administrator who made the change.
	 */
	public record AccountChange(UUID userId, String email, String name, String locale, Role previousRole, Role role,
			boolean disabled, UUID changedBy) {
	}

}
