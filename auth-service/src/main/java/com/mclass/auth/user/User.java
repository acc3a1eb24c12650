package com.mclass.auth.user;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An account. Local accounts log in with e-mail and password; social accounts are identified by (provider,
 * socialId) alone and are never merged with a local account that shares their e-mail.
 */
@Entity
@Table(name = "users")
public class User {

	@Id
	private UUID id;

	private String email;

	private String passwordHash;

	private String name;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Enumerated(EnumType.STRING)
	private Provider provider;

	private String socialId;

	private boolean profileCompleted;

	private String locale;

	private boolean emailVerified;

	private boolean disabled;

	private Instant createdAt;

	private Instant updatedAt;

	// A wrapper type, so that Spring Data tells a new entity (null) from a stored one without a select.
	@Version
	private Long version;

	protected User() {
	}

	private User(Provider provider, String email, String passwordHash, String name, String socialId, boolean profileCompleted,
			Language language, Role role, Instant now) {
		this.id = UUID.randomUUID();
		this.provider = provider;
		this.email = email;
		this.passwordHash = passwordHash;
		this.name = name;
		this.socialId = socialId;
		this.profileCompleted = profileCompleted;
		this.locale = language.tag();
		this.role = role;
		// A social account's e-mail is kept only when the provider vouches for it.
		this.emailVerified = provider != Provider.LOCAL && email != null;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** A local account: its sign-up form (name, terms) is filled in at registration. */
	public static User local(String email, String passwordHash, String name, Language language, Role role, Instant now) {
		return new User(Provider.LOCAL, email, passwordHash, name, null, true, language, role, now);
	}

	/** A social account: it still has to complete sign-up (name, required terms) before it may enroll. */
	public static User social(Provider provider, String socialId, String email, String name, Language language, Instant now) {
		if (provider == Provider.LOCAL) {
			throw new IllegalArgumentException("A social account needs a social provider");
		}
		return new User(provider, email, null, name, socialId, false, language, Role.USER, now);
	}

	public void completeProfile(String name, Instant now) {
		this.name = name;
		this.profileCompleted = true;
		this.updatedAt = now;
	}

	public void changeRole(Role role, Instant now) {
		this.role = role;
		this.updatedAt = now;
	}

	public void verifyEmail(Instant now) {
		this.emailVerified = true;
		this.updatedAt = now;
	}

	/** A new password set through a reset link, which also proves the mailbox. */
	public void resetPassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.emailVerified = true;
		this.updatedAt = now;
	}

	public void disable(boolean disabled, Instant now) {
		this.disabled = disabled;
		this.updatedAt = now;
	}

	public boolean isEmailVerified() {
		return this.emailVerified;
	}

	public boolean isDisabled() {
		return this.disabled;
	}

	public UUID getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public String getName() {
		return this.name;
	}

	public Role getRole() {
		return this.role;
	}

	public Provider getProvider() {
		return this.provider;
	}

	public String getSocialId() {
		return this.socialId;
	}

	public boolean isProfileCompleted() {
		return this.profileCompleted;
	}

	public String getLocale() {
		return this.locale;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
