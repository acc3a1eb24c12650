package com.mclass.classes.mclass;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A class (MClass) people enroll in. Admins change it with optimistic locking: every change bumps {@link #version()},
 * which clients send back with their edit and which events carry, so that a stale edit is refused and a consumer can
 * tell an old event from a new one. Deleting is soft: the row stays for the enrollments that refer to it.
 */
@Entity
@Table(name = "mclass")
public class MClass {

	@Id
	private UUID id;

	private String title;

	@Column(columnDefinition = "text")
	private String description;

	private int capacity;

	private int waitlistCapacity;

	private boolean allowWaitlist;

	@Enumerated(EnumType.STRING)
	private Visibility visibility;

	private String location;

	private long fee;

	@Column(name = "is_online")
	private boolean online;

	@Enumerated(EnumType.STRING)
	private SelectionType selectionType;

	private Instant recruitStartAt;

	private Instant recruitEndAt;

	private Instant startAt;

	private Instant endAt;

	private UUID createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant deletedAt;

	private boolean rushProtected;

	@Enumerated(EnumType.STRING)
	private WaitlistMode waitlistMode;

	private int offerWindowMinutes;

	/** A wrapper, so that Spring Data sees a new entity by its null version and persists instead of merging. */
	@Version
	private Long version;

	protected MClass() {
	}

	static MClass open(UUID id, ClassTerms terms, UUID createdBy, Instant now) {
		MClass mclass = new MClass();
		mclass.id = id;
		mclass.createdBy = createdBy;
		mclass.createdAt = now;
		mclass.apply(terms, now);
		return mclass;
	}

	void revise(ClassTerms terms, Instant now) {
		apply(terms, now);
	}

	void delete(Instant now) {
		this.deletedAt = now;
		this.updatedAt = now;
	}

	private void apply(ClassTerms terms, Instant now) {
		this.title = terms.title();
		this.description = terms.description();
		this.capacity = terms.capacity();
		this.waitlistCapacity = terms.waitlistCapacity();
		this.allowWaitlist = terms.allowWaitlist();
		this.visibility = terms.visibility();
		this.location = terms.location();
		this.fee = terms.fee();
		this.online = terms.online();
		this.selectionType = terms.selectionType();
		this.recruitStartAt = terms.recruitStartAt();
		this.recruitEndAt = terms.recruitEndAt();
		this.startAt = terms.startAt();
		this.endAt = terms.endAt();
		this.rushProtected = terms.rushProtected();
		this.waitlistMode = terms.waitlistMode();
		this.offerWindowMinutes = terms.offerWindowMinutes();
		this.updatedAt = now;
	}

	public UUID id() {
		return this.id;
	}

	/** Enrolling goes through the waiting room (enrollment-service) even without a rush. */
	public boolean rushProtected() {
		return this.rushProtected;
	}

	/** What a seat freed while students wait becomes: taken for the longest-waiting one, or offered to them. */
	public WaitlistMode waitlistMode() {
		return this.waitlistMode;
	}

	/** In OFFER mode, how long a student has to accept an offered seat. */
	public int offerWindowMinutes() {
		return this.offerWindowMinutes;
	}

	public String title() {
		return this.title;
	}

	public String description() {
		return this.description;
	}

	public int capacity() {
		return this.capacity;
	}

	public int waitlistCapacity() {
		return this.waitlistCapacity;
	}

	public boolean allowWaitlist() {
		return this.allowWaitlist;
	}

	public Visibility visibility() {
		return this.visibility;
	}

	public String location() {
		return this.location;
	}

	public long fee() {
		return this.fee;
	}

	public boolean online() {
		return this.online;
	}

	public SelectionType selectionType() {
		return this.selectionType;
	}

	public Instant recruitStartAt() {
		return this.recruitStartAt;
	}

	public Instant recruitEndAt() {
		return this.recruitEndAt;
	}

	public Instant startAt() {
		return this.startAt;
	}

	public Instant endAt() {
		return this.endAt;
	}

	public UUID createdBy() {
		return this.createdBy;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public Instant deletedAt() {
		return this.deletedAt;
	}

	public boolean isDeleted() {
		return this.deletedAt != null;
	}

	public long version() {
		return (this.version != null) ? this.version : 0;
	}

}
