package com.mclass.classes.mclass;

import java.time.Instant;
import java.util.UUID;

/**
 * A class was (soft-)deleted: enrollment-service stops taking enrollments for it. Existing enrollments are not
 * touched; their owners still see them.
 */
public record ClassDeleted(UUID classId, Instant deletedAt, long version) {

	static ClassDeleted of(MClass mclass) {
		return new ClassDeleted(mclass.id(), mclass.deletedAt(), mclass.version());
	}

}
