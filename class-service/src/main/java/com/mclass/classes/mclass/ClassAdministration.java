package com.mclass.classes.mclass;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.classes.ClassErrorCode;
import com.mclass.platform.events.Outbox;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * What admins do to classes: create, revise, delete. Each change commits together with its event in the outbox, so
 * that other services learn of exactly the changes that happened, and refreshes the cache after the commit.
 */
@Service
public class ClassAdministration {

	private final MClasses classes;

	private final Outbox outbox;

	private final ClassCache cache;

	private final ClassListSnapshot list;

	private final Clock clock;

	ClassAdministration(MClasses classes, Outbox outbox, ClassCache cache, ClassListSnapshot list, Clock clock) {
		this.classes = classes;
		this.outbox = outbox;
		this.cache = cache;
		this.list = list;
		this.clock = clock;
	}

	@Transactional
	public ClassView create(ClassDraft draft, UUID adminId) {
		return create(UUID.randomUUID(), draft, adminId);
	}

	/** Creates a class under a chosen id (demo data uses fixed ones to stay idempotent). */
	@Transactional
	public ClassView create(UUID id, ClassDraft draft, UUID adminId) {
		Instant now = this.clock.instant();
		MClass mclass = this.classes.saveAndFlush(MClass.open(id, draft.terms(), adminId, now));
		this.outbox.append(ClassEvents.TOPIC, ClassEvents.CLASS_CREATED, id.toString(), ClassEvents.DATA_VERSION, ClassCreated.of(mclass));
		return cached(mclass, now);
	}

	/**
	 * Replaces the class's terms, provided {@code draft.version()} is the version the class has now; otherwise someone
	 * changed it since the admin loaded it and the edit is refused with {@code VERSION_CONFLICT}. {@code adminId} goes
	 * into {@code ClassUpdated}, so that the audit feed says who changed a capacity.
	 */
	@Transactional
	public ClassView revise(UUID id, ClassDraft draft, UUID adminId) {
		Instant now = this.clock.instant();
		MClass mclass = this.classes.findActive(id).orElseThrow(ClassAdministration::notFound);
		if (draft.version() == null || mclass.version() != draft.version()) {
			throw versionConflict();
		}
		mclass.revise(draft.terms(), now);
		flush(mclass);
		this.outbox.append(ClassEvents.TOPIC, ClassEvents.CLASS_UPDATED, id.toString(), ClassEvents.DATA_VERSION, ClassUpdated.of(mclass, adminId));
		return cached(mclass, now);
	}

	/**
	 * Soft-deletes the class. class-service does not know its enrollments: {@code ClassDeleted} tells
	 * enrollment-service to stop taking new ones, and the existing ones stay visible to their owners.
	 */
	@Transactional
	public ClassDeleted delete(UUID id) {
		Instant now = this.clock.instant();
		MClass mclass = this.classes.findActive(id).orElseThrow(ClassAdministration::notFound);
		mclass.delete(now);
		flush(mclass);
		ClassDeleted deleted = ClassDeleted.of(mclass);
		this.outbox.append(ClassEvents.TOPIC, ClassEvents.CLASS_DELETED, id.toString(), ClassEvents.DATA_VERSION, deleted);
		this.cache.storeAfterCommit(id, mclass.version(), null);
		this.list.changedAfterCommit();
		return deleted;
	}

	/**
	 * The version check above passes for two admins who loaded the same version; the second UPDATE then matches no row
	 * ({@code where version = ?}) and Hibernate reports it here.
	 */
	private void flush(MClass mclass) {
		try {
			this.classes.flush();
		}
		catch (OptimisticLockingFailureException ex) {
			throw versionConflict();
		}
	}

	private ClassView cached(MClass mclass, Instant now) {
		ClassView view = ClassView.of(mclass, now);
		this.cache.storeAfterCommit(mclass.id(), mclass.version(), view);
		this.list.changedAfterCommit();
		return view;
	}

	static ApiException notFound() {
		return new ApiException(CommonErrorCode.NOT_FOUND);
	}

	private static ApiException versionConflict() {
		return new ApiException(ClassErrorCode.VERSION_CONFLICT);
	}

}
