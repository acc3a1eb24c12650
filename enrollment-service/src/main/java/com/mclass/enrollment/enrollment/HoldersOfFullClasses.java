package com.mclass.enrollment.enrollment;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.mclass.enrollment.JdbcValues;

/**
 * Who holds (or held and was rejected from) a place in a sold-out first-come class, in memory, so that a student
 * pressing "enroll" again is told {@code ALREADY_ENROLLED} / {@code REAPPLY_AFTER_REJECTION} as before without a
 * database query per request.
 * <p>
 * Read once per valid sold-out flag (its generation and token): while that flag is valid nobody can get a place in the
 * class (every allocation fails), and every change that frees one — the only changes to these enrollments a first-come
 * class knows: cancel, reject, waitlist promotion — invalidates the flag, so the set read under a flag is exact for as
 * long as the flag is. Classes with more holders than {@code mclass.enrollment.sold-out-holders-limit} are not kept
 * (their refusals go through the database as before), which bounds the memory.
 */
@Component
class HoldersOfFullClasses {

	private static final int MAX_CLASSES = 1024;

	private final JdbcClient jdbc;

	private final int limit;

	private final Map<UUID, Holders> byClass = new ConcurrentHashMap<>();

	HoldersOfFullClasses(JdbcClient jdbc, @Value("${mclass.enrollment.sold-out-holders-limit:20000}") int limit) {
		this.jdbc = jdbc;
		this.limit = limit;
	}

	/**
	 * The student's blocking enrollment in the class as of the sold-out {@code flag}, or empty when this class's
	 * holders are too many to keep (ask the database).
	 */
	Optional<Earlier> blockingEarlier(UUID classId, String flag, UUID userId) {
		Holders holders = this.byClass.get(classId);
		if (holders == null || !holders.flag().equals(flag)) {
			holders = load(classId, flag);
		}
		return (holders.statuses() != null) ? Optional.of(new Earlier(holders.statuses().get(userId))) : Optional.empty();
	}

	private Holders load(UUID classId, String flag) {
		// One query per flag and replica: the requests of a rush that arrive together wait for the first one's.
		synchronized (this.byClass) {
			Holders current = this.byClass.get(classId);
			if (current != null && current.flag().equals(flag)) {
				return current;
			}
			Map<UUID, EnrollmentStatus> statuses = new HashMap<>();
			int[] rows = { 0 };
			this.jdbc.sql("""
					SELECT user_id, status FROM enrollment
					 WHERE mclass_id = ? AND status IN ('APPLIED', 'APPROVED', 'WAITLISTED', 'OFFERED', 'REJECTED')
					 LIMIT ?
					""").params(classId, this.limit + 1).query((rs) -> {
				rows[0]++;
				EnrollmentStatus status = EnrollmentStatus.valueOf(rs.getString("status"));
				// As Enrollments.blockingEarlier: an active enrollment outranks a rejected one of the same student.
				statuses.merge(JdbcValues.uuid(rs, "user_id"), status,
						(a, b) -> (a == EnrollmentStatus.REJECTED) ? b : a);
			});
			Holders loaded = new Holders(flag, (rows[0] > this.limit) ? null : Map.copyOf(statuses));
			if (this.byClass.size() >= MAX_CLASSES) {
				this.byClass.clear();
			}
			this.byClass.put(classId, loaded);
			return loaded;
		}
	}

	/** @param status the student's blocking enrollment, {@code null} when none */
	record Earlier(EnrollmentStatus status) {
	}

	/** @param statuses by student, or {@code null} when there were too many to keep */
	private record Holders(String flag, Map<UUID, EnrollmentStatus> statuses) {
	}

}
