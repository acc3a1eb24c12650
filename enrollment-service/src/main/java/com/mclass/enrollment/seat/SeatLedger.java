package com.mclass.enrollment.seat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.enrollment.JdbcValues;

/**
 * The seat ledger: one row per class with its seat configuration and counters, and the only statements that move
 * those counters. Each statement either decides on the row and changes it atomically (allocation) or runs while the
 * caller holds the row lock taken by {@link #lock(UUID)} (every other transition), so counters and enrollment
 * statuses of one class change one transaction at a time and always together.
 */
@Repository
public class SeatLedger {

	private static final Logger log = LoggerFactory.getLogger(SeatLedger.class);

	private static final String CLASS_SEATS = """
			SELECT c.class_id, c.title, c.location, c.is_online, c.recruit_start_at, c.recruit_end_at, c.start_at, c.end_at,
			       c.form_version, c.class_version, c.deleted,
			       l.selection_type, l.capacity, l.waitlist_capacity, l.allow_waitlist, l.approved, l.waitlisted, l.applied,
			       l.offered, l.waitlist_mode, l.offer_window_minutes
			  FROM class_snapshot c
			  JOIN seat_ledger l ON l.class_id = c.class_id
			 WHERE c.class_id = ?
			""";

	/*
	 * The hot statement. One UPDATE decides and takes the place: PostgreSQL evaluates WHERE and SET on the newest
	 * committed version of the row while holding its lock, so two applicants can never both see the last seat free
	 * (no read-then-write race), and the row is locked only by an applicant that actually takes a place — when
	 * nothing is left, the UPDATE matches no row, waits for no one and locks nothing.
	 * Seat first, else waitlist, decided in one statement rather than two: with two, a seat freed between them would
	 * leave an applicant waitlisted next to an empty seat. SET sees the row as it was before the update, so it also
	 * records which branch was taken; PostgreSQL 15 cannot RETURN the old row, hence last_placement.
	 * A seat offered to a waiting student (waitlist mode OFFER) is held like an approved one: approved + offered.
	 * This statement is the placement rule; EnrollmentPolicy.placementFor restates it and a test holds them equal.
	 */
	private static final String ALLOCATE = """
			UPDATE seat_ledger
			   SET approved       = approved   + CASE WHEN selection_type = 'FIRST_COME' AND approved + offered <  capacity THEN 1 ELSE 0 END,
			       waitlisted     = waitlisted + CASE WHEN selection_type = 'FIRST_COME' AND approved + offered >= capacity THEN 1 ELSE 0 END,
			       applied        = applied    + CASE WHEN selection_type = 'REVIEW' THEN 1 ELSE 0 END,
			       last_placement = CASE WHEN selection_type = 'REVIEW' THEN 'APPLIED'
			                             WHEN approved + offered < capacity THEN 'APPROVED'
			                             ELSE 'WAITLISTED' END
			 WHERE class_id = ?
			   AND (selection_type = 'REVIEW'
			        OR approved + offered < capacity
			        OR (allow_waitlist AND waitlisted < waitlist_capacity))
			RETURNING last_placement
			""";

	/**
	 * The same rule as {@link #ALLOCATE}, one place at a time: each takes its place only where ALLOCATE would have
	 * given that place, so taking the place expected from a snapshot can never place anyone differently.
	 */
	private static final String TAKE_SEAT = """
			UPDATE seat_ledger SET approved = approved + 1, last_placement = 'APPROVED'
			 WHERE class_id = ? AND selection_type = 'FIRST_COME' AND approved + offered < capacity
			""";

	private static final String TAKE_WAITLIST_PLACE = """
			UPDATE seat_ledger SET waitlisted = waitlisted + 1, last_placement = 'WAITLISTED'
			 WHERE class_id = ? AND selection_type = 'FIRST_COME' AND approved + offered >= capacity
			   AND allow_waitlist AND waitlisted < waitlist_capacity
			""";

	private static final String TAKE_APPLICATION = """
			UPDATE seat_ledger SET applied = applied + 1, last_placement = 'APPLIED'
			 WHERE class_id = ? AND selection_type = 'REVIEW'
			""";

	private final JdbcClient jdbc;

	private final FormSnapshots forms;

	private final SoldOutFlags soldOut;

	private final RecentClasses recent;

	private final ApplicationEventPublisher events;

	private final Counter capacityRefusals;

	SeatLedger(JdbcClient jdbc, FormSnapshots forms, SoldOutFlags soldOut, RecentClasses recent, ApplicationEventPublisher events,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.recent = recent;
		this.forms = forms;
		this.soldOut = soldOut;
		this.events = events;
		this.capacityRefusals = Counter.builder("mclass.enrollment.capacity.refusals")
			.description("Class updates whose capacity or waitlist capacity was not applied because it was below the students holding places")
			.register(meters);
	}

	/** The class as last committed, without locking anything. */
	public Optional<ClassSeats> find(UUID classId) {
		return this.jdbc.sql(CLASS_SEATS).param(classId).query(SeatLedger::classSeats).optional();
	}

	/**
	 * Locks the class's ledger row until the end of the transaction and reads it: every transition other than the
	 * allocation runs under this lock, which serializes the transitions of one class (and so the waitlist's FIFO).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<ClassSeats> lock(UUID classId) {
		return this.jdbc.sql(CLASS_SEATS + " FOR NO KEY UPDATE OF l").param(classId).query(SeatLedger::classSeats).optional();
	}

	/**
	 * Takes a place for one applicant: a seat, else a waitlist place (first come), or an application slot (review).
	 * @return the place taken, or empty when the class has neither seat nor waitlist place left
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Placement> allocate(UUID classId) {
		return this.jdbc.sql(ALLOCATE).param(classId).query(String.class).optional().map(Placement::valueOf);
	}

	/**
	 * Takes {@code expected} for one applicant if it is still the place the class gives ({@link #ALLOCATE}'s rule), as
	 * the last statement before commit: the row is then held only for this statement and the commit.
	 * @return false when the class no longer gives that place (it filled up, or a seat was freed, since it was read)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean take(UUID classId, Placement expected) {
		String take = switch (expected) {
			case APPROVED -> TAKE_SEAT;
			case WAITLISTED -> TAKE_WAITLIST_PLACE;
			case APPLIED -> TAKE_APPLICATION;
			case OFFERED -> throw new IllegalArgumentException("An offer is made from the waitlist, never taken by applying");
		};
		return this.jdbc.sql(take).param(classId).update() == 1;
	}

	/**
	 * Returns a place taken earlier in the same transaction that ended up unused (the applicant turned out to be
	 * enrolled already). Nobody outside the transaction saw it taken, so nothing is freed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void giveBack(UUID classId, Placement placement) {
		decrement(classId, placement);
	}

	/** Moves an enrollment onto a seat if one is free (admin approval). */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean approve(UUID classId, Placement from) {
		return this.jdbc.sql("""
				UPDATE seat_ledger
				   SET approved   = approved + 1,
				       applied    = applied    - CASE WHEN :from = 'APPLIED'    THEN 1 ELSE 0 END,
				       waitlisted = waitlisted - CASE WHEN :from = 'WAITLISTED' THEN 1 ELSE 0 END
				 WHERE class_id = :classId AND approved + offered < capacity
				""").param("from", from.name()).param("classId", classId).update() == 1;
	}

	/**
	 * Moves an application onto the waitlist (admin decision) if the class has a waitlist place, and only while every
	 * seat is taken: nobody waits next to a free seat.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean waitlist(UUID classId, Placement from) {
		return this.jdbc.sql("""
				UPDATE seat_ledger
				   SET waitlisted = waitlisted + 1,
				       applied    = applied - CASE WHEN :from = 'APPLIED' THEN 1 ELSE 0 END
				 WHERE class_id = :classId AND approved + offered >= capacity AND allow_waitlist AND waitlisted < waitlist_capacity
				""").param("from", from.name()).param("classId", classId).update() == 1;
	}

	/** An offered seat was accepted: it stays held, now as an approved one. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void offerAccepted(UUID classId) {
		this.jdbc.sql("UPDATE seat_ledger SET approved = approved + 1, offered = offered - 1 WHERE class_id = ?").param(classId).update();
	}

	/**
	 * An enrollment gave up its place (canceled, rejected, an offer declined or expired). A freed seat goes to the
	 * waitlist before this transaction commits ({@link SeatsFreed}); every sold-out flag of the class is invalidated
	 * once it has.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void vacate(UUID classId, Placement held) {
		decrement(classId, held);
		if (held != Placement.APPLIED) {
			this.soldOut.seatsFreedAfterCommit(classId);
		}
		if (held == Placement.APPROVED || held == Placement.OFFERED) {
			this.events.publishEvent(new SeatsFreed(classId));
		}
	}

	/** {@code count} waitlisted enrollments were offered free seats, which they hold until they answer. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void offered(UUID classId, int count) {
		if (count == 0) {
			return;
		}
		this.jdbc.sql("UPDATE seat_ledger SET offered = offered + :count, waitlisted = waitlisted - :count WHERE class_id = :classId")
			.param("count", count)
			.param("classId", classId)
			.update();
		this.soldOut.seatsFreedAfterCommit(classId); // waitlist places were freed
	}

	/** {@code count} waitlisted enrollments were moved onto free seats. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void promoted(UUID classId, int count) {
		if (count == 0) {
			return;
		}
		this.jdbc.sql("UPDATE seat_ledger SET approved = approved + :count, waitlisted = waitlisted - :count WHERE class_id = :classId")
			.param("count", count)
			.param("classId", classId)
			.update();
		this.soldOut.seatsFreedAfterCommit(classId);
	}

	/**
	 * Takes over what class-service says about a class, unless the ledger already holds a newer version. Capacity
	 * (or waitlist capacity) below the students already holding those places is not applied: they keep their places,
	 * the refusal is logged, counted ({@code mclass.enrollment.capacity.refusals}) and recorded in
	 * {@code capacity_refusal}, and everything else the update carries is applied. Seats it adds go to the waitlist
	 * in the same transaction.
	 * @param eventId the event that carried the snapshot, or {@code null} when it came from class-service's endpoint
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Adoption adopt(ClassSnapshot incoming, UUID eventId) {
		this.recent.changedAfterCommit(incoming.classId());
		Optional<ClassSeats> held = lock(incoming.classId());
		if (held.isEmpty()) {
			if (insert(incoming)) {
				return Adoption.CREATED;
			}
			held = lock(incoming.classId()); // created by a concurrent adoption since the lookup
		}
		ClassSeats current = held.orElseThrow();
		if (incoming.version() < current.classVersion()) {
			log.debug("Ignored version {} of class {}: version {} is already applied", incoming.version(), incoming.classId(),
					current.classVersion());
			return Adoption.STALE;
		}
		int capacity = incoming.capacity();
		int waitlistCapacity = incoming.waitlistCapacity();
		boolean refused = false;
		if (capacity < current.approved() + current.offered()) {
			capacity = current.capacity();
			refused = true;
		}
		if (waitlistCapacity < current.waitlisted()) {
			waitlistCapacity = current.waitlistCapacity();
			refused = true;
		}
		if (refused) {
			refuse(incoming, current, eventId);
		}
		this.jdbc.sql("""
				UPDATE class_snapshot
				   SET title = :title, location = :location, is_online = :online, recruit_start_at = :recruitStartAt,
				       recruit_end_at = :recruitEndAt, start_at = :startAt, end_at = :endAt, class_version = :version,
				       deleted = deleted OR :deleted, updated_at = now()
				 WHERE class_id = :classId
				""").paramSource(snapshotParameters(incoming)).update();
		this.jdbc.sql("""
				UPDATE seat_ledger
				   SET selection_type = ?, capacity = ?, waitlist_capacity = ?, allow_waitlist = ?, waitlist_mode = ?,
				       offer_window_minutes = ?
				 WHERE class_id = ?
				""").params(incoming.selectionType().name(), capacity, waitlistCapacity, incoming.allowWaitlist(),
					incoming.waitlistMode().name(), incoming.offerWindowMinutes(), incoming.classId())
			.update();
		boolean seatsAdded = capacity > current.capacity();
		int waitlistPlacesBefore = current.waitlistLeft();
		int waitlistPlacesAfter = incoming.allowWaitlist() ? Math.max(0, waitlistCapacity - current.waitlisted()) : 0;
		if (seatsAdded || waitlistPlacesAfter > waitlistPlacesBefore) {
			this.soldOut.seatsFreedAfterCommit(incoming.classId());
		}
		if (seatsAdded) {
			this.events.publishEvent(new SeatsFreed(incoming.classId()));
		}
		return refused ? Adoption.CAPACITY_REFUSED : Adoption.UPDATED;
	}

	private boolean insert(ClassSnapshot incoming) {
		int inserted = this.jdbc.sql("""
				INSERT INTO class_snapshot (class_id, title, location, is_online, recruit_start_at, recruit_end_at, start_at,
				                            end_at, class_version, deleted)
				VALUES (:classId, :title, :location, :online, :recruitStartAt, :recruitEndAt, :startAt, :endAt, :version, :deleted)
				ON CONFLICT (class_id) DO NOTHING
				""").paramSource(snapshotParameters(incoming)).update();
		if (inserted == 0) {
			return false;
		}
		this.jdbc.sql("""
				INSERT INTO seat_ledger (class_id, selection_type, capacity, waitlist_capacity, allow_waitlist, waitlist_mode,
				                         offer_window_minutes)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""").params(incoming.classId(), incoming.selectionType().name(), incoming.capacity(), incoming.waitlistCapacity(),
				incoming.allowWaitlist(), incoming.waitlistMode().name(), incoming.offerWindowMinutes())
			.update();
		// A form published before the class reached this service (its ClassCreated was not seen) is the active one.
		this.forms.latestVersion(incoming.classId())
			.ifPresent((version) -> this.jdbc.sql("UPDATE class_snapshot SET form_version = ? WHERE class_id = ?")
				.params(version, incoming.classId())
				.update());
		return true;
	}

	private void refuse(ClassSnapshot incoming, ClassSeats current, UUID eventId) {
		this.capacityRefusals.increment();
		log.warn("Refused capacity {} (waitlist {}) of class {} at version {}: {} approved and {} waitlisted students keep "
				+ "their places; capacity stays {} (waitlist {})", incoming.capacity(), incoming.waitlistCapacity(),
				incoming.classId(), incoming.version(), current.approved(), current.waitlisted(), current.capacity(),
				current.waitlistCapacity());
		this.jdbc.sql("""
				INSERT INTO capacity_refusal (class_id, class_version, event_id, requested_capacity, requested_waitlist_capacity,
				                              approved, waitlisted)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""").params(incoming.classId(), incoming.version(), eventId, incoming.capacity(), incoming.waitlistCapacity(),
				current.approved(), current.waitlisted())
			.update();
	}

	/** class-service deleted the class: no more enrollments; existing ones stay as they are. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void markDeleted(UUID classId, long version) {
		this.recent.changedAfterCommit(classId);
		this.jdbc.sql("UPDATE class_snapshot SET deleted = true, class_version = GREATEST(class_version, ?), updated_at = now() "
				+ "WHERE class_id = ?")
			.params(version, classId)
			.update();
	}

	/**
	 * Records a published form version and makes it the class's active form unless a newer one is active already. A
	 * version for a class not known yet is kept and becomes active when the class arrives.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void publishForm(UUID classId, int version, JsonNode questions) {
		this.recent.changedAfterCommit(classId);
		this.forms.record(classId, version, questions);
		this.jdbc.sql("UPDATE class_snapshot SET form_version = ?, updated_at = now() "
				+ "WHERE class_id = ? AND (form_version IS NULL OR form_version < ?)")
			.params(version, classId, version)
			.update();
	}

	private void decrement(UUID classId, Placement placement) {
		String column = switch (placement) {
			case APPROVED -> "approved";
			case WAITLISTED -> "waitlisted";
			case APPLIED -> "applied";
			case OFFERED -> "offered";
		};
		this.jdbc.sql("UPDATE seat_ledger SET " + column + " = " + column + " - 1 WHERE class_id = ?").param(classId).update();
	}

	private static MapSqlParameterSource snapshotParameters(ClassSnapshot snapshot) {
		return new MapSqlParameterSource().addValue("classId", snapshot.classId())
			.addValue("title", snapshot.title())
			.addValue("location", snapshot.location())
			.addValue("online", snapshot.online())
			.addValue("recruitStartAt", JdbcValues.timestamp(snapshot.recruitStartAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("recruitEndAt", JdbcValues.timestamp(snapshot.recruitEndAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("startAt", JdbcValues.timestamp(snapshot.startAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("endAt", JdbcValues.timestamp(snapshot.endAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("version", snapshot.version())
			.addValue("deleted", snapshot.deleted());
	}

	static ClassSeats classSeats(ResultSet rs, int row) throws SQLException {
		return new ClassSeats(JdbcValues.uuid(rs, "class_id"), rs.getString("title"), rs.getString("location"),
				rs.getBoolean("is_online"), SelectionType.valueOf(rs.getString("selection_type")), rs.getInt("capacity"),
				rs.getInt("waitlist_capacity"), rs.getBoolean("allow_waitlist"), rs.getInt("approved"), rs.getInt("waitlisted"),
				rs.getInt("applied"), JdbcValues.instant(rs, "recruit_start_at"), JdbcValues.instant(rs, "recruit_end_at"),
				JdbcValues.instant(rs, "start_at"), JdbcValues.instant(rs, "end_at"), JdbcValues.nullableInt(rs, "form_version"),
				rs.getLong("class_version"), rs.getBoolean("deleted"), rs.getInt("offered"),
				WaitlistMode.valueOf(rs.getString("waitlist_mode")), Duration.ofMinutes(rs.getInt("offer_window_minutes")));
	}

	/** What adopting a class snapshot did. */
	public enum Adoption {

		CREATED, UPDATED, CAPACITY_REFUSED, STALE

	}

}
