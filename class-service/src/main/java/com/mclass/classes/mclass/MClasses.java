package com.mclass.classes.mclass;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The classes, deleted ones included ({@link #findById} finds those too; the {@code Active} methods do not). */
public interface MClasses extends JpaRepository<MClass, UUID> {

	@Query("select c from MClass c where c.id = :id and c.deletedAt is null")
	Optional<MClass> findActive(UUID id);

	@Query("select count(c) from MClass c where c.deletedAt is null")
	long countActive();

	/**
	 * The class, locked until the caller's transaction ends. Changes that hang off a class (a new form version) take
	 * this lock so that they are numbered one after another and never land on a class being deleted.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from MClass c where c.id = :id and c.deletedAt is null")
	Optional<MClass> findActiveForUpdate(UUID id);

}
