package com.mclass.enrollment.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.enrollment.JdbcValues;

/**
 * The enrollments and their history. Every status change writes its history row in the same statement, so the
 * history cannot miss a transition; status changes are conditional on the status the caller decided from.
 */
@Repository
public class Enrollments {

	private static final String COLUMNS = "id, mclass_id, user_id, status, answers, form_version, reason, applied_at, decided_at, "
			+ "decided_by, canceled_at, recipient_email, recipient_name, recipient_locale, offer_expires_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ObjectReader answersReader;

	private final RowMapper<Enrollment> rows = this::enrollment;

	Enrollments(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.answersReader = json.readerFor(new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

	/**
	 * Inserts a new active enrollment and its first history row, unless the student already holds an active one in
	 * the class (the partial unique index decides, whatever the interleaving).
	 * @return whether it was inserted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean insert(Enrollment enrollment, Actor actor) {
		return this.jdbc.sql("""
				WITH inserted AS (
				    INSERT INTO enrollment (id, mclass_id, user_id, status, answers, form_version, applied_at, decided_at,
				                            updated_at, recipient_email, recipient_name, recipient_locale)
				    VALUES (:id, :classId, :userId, :status, CAST(:answers AS jsonb), :formVersion, :appliedAt, :decidedAt,
				            :appliedAt, :email, :name, :locale)
				    ON CONFLICT (user_id, mclass_id) WHERE status IN ('APPLIED', 'APPROVED', 'WAITLISTED', 'OFFERED') DO NOTHING
				    RETURNING id, mclass_id, status, applied_at)
				INSERT INTO enrollment_history (enrollment_id, mclass_id, from_status, to_status, actor_type, actor_id, occurred_at)
				SELECT id, mclass_id, NULL, status, :actorType, :actorId, applied_at FROM inserted
				""")
			.paramSource(new MapSqlParameterSource().addValue("id", enrollment.id())
				.addValue("classId", enrollment.mclassId())
				.addValue("userId", enrollment.userId())
				.addValue("status", enrollment.status().name())
				.addValue("answers", this.json.writeValueAsString(enrollment.answers()))
				.addValue("formVersion", enrollment.formVersion(), Types.INTEGER)
				.addValue("appliedAt", JdbcValues.timestamp(enrollment.appliedAt()))
				.addValue("decidedAt", JdbcValues.timestamp(enrollment.decidedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
				.addValue("email", enrollment.recipient().email())
				.addValue("name", enrollment.recipient().name())
				.addValue("locale", enrollment.recipient().locale())
				.addValue("actorType", actor.type().name())
				.addValue("actorId", actor.id()))
			.update() == 1;
	}

	public Optional<Enrollment> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM enrollment WHERE id = ?").param(id).query(this.rows).optional();
	}

	/** The enrollment's transitions, oldest first (in the order they were made). */
	public List<Transition> history(UUID enrollmentId) {
		return this.jdbc.sql("SELECT from_status, to_status, actor_type, actor_id, reason, occurred_at FROM enrollment_history "
				+ "WHERE enrollment_id = ? ORDER BY id")
			.param(enrollmentId)
			.query((rs, row) -> new Transition(
					(rs.getString("from_status") != null) ? EnrollmentStatus.valueOf(rs.getString("from_status")) : null,
					EnrollmentStatus.valueOf(rs.getString("to_status")),
					new Actor(Actor.Type.valueOf(rs.getString("actor_type")), JdbcValues.uuid(rs, "actor_id")), rs.getString("reason"),
					JdbcValues.instant(rs, "occurred_at")))
			.list();
	}

	/**
	 * The earlier enrollment of a student in a class that matters for a new application: an active one, else a
	 * rejected one; empty when there is neither.
	 */
	public Optional<EnrollmentStatus> blockingEarlier(UUID userId, UUID classId) {
		return this.jdbc.sql("""
				SELECT status FROM enrollment
				 WHERE user_id = ? AND mclass_id = ? AND status IN ('APPLIED', 'APPROVED', 'WAITLISTED', 'OFFERED', 'REJECTED')
				 ORDER BY CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END
				 LIMIT 1
				""").params(userId, classId).query(String.class).optional().map(EnrollmentStatus::valueOf);
	}

	/** A student's enrollments in one class, newest first. */
	public List<Enrollment> mine(UUID userId, UUID classId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM enrollment WHERE user_id = ? AND mclass_id = ? ORDER BY applied_at DESC, id")
			.params(userId, classId)
			.query(this.rows)
			.list();
	}

	/** A page of a student's enrollments, optionally of one status, newest first. */
	public EnrollmentPage mine(UUID userId, EnrollmentStatus status, int page, int size) {
		return search(new EnrollmentFilter(null, status, userId, null, null), EnrollmentSort.NEWEST_FIRST, page, size);
	}

	/** One page of the enrollments matching {@code filter}, in {@code sort} order, with the total count. */
	public EnrollmentPage search(EnrollmentFilter filter, EnrollmentSort sort, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE true");
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		if (filter.mclassId() != null) {
			where.append(" AND mclass_id = :classId");
			parameters.addValue("classId", filter.mclassId());
		}
		if (filter.status() != null) {
			where.append(" AND status = :status");
			parameters.addValue("status", filter.status().name());
		}
		if (filter.userId() != null) {
			where.append(" AND user_id = :userId");
			parameters.addValue("userId", filter.userId());
		}
		if (filter.from() != null) {
			where.append(" AND applied_at >= :from");
			parameters.addValue("from", JdbcValues.timestamp(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" AND applied_at < :to");
			parameters.addValue("to", JdbcValues.timestamp(filter.to()));
		}
		Long total = this.jdbc.sql("SELECT count(*) FROM enrollment" + where).paramSource(parameters).query(Long.class).single();
		parameters.addValue("limit", size).addValue("offset", (long) page * size);
		List<Enrollment> content = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM enrollment" + where + " ORDER BY " + sort.orderBy() + " LIMIT :limit OFFSET :offset")
			.paramSource(parameters)
			.query(this.rows)
			.list();
		return new EnrollmentPage(content, page, size, (total != null) ? total : 0);
	}

	/** Every enrollment of a class in application order, one at a time (for exports of any size). */
	public void forEachInClass(UUID classId, Consumer<Enrollment> action) {
		this.jdbc.sql("SELECT " + COLUMNS + " FROM enrollment WHERE mclass_id = ? ORDER BY applied_at, id")
			.param(classId)
			.withFetchSize(500)
			.query((ResultSet rs) -> {
				action.accept(enrollment(rs, 0));
			});
	}

	public Map<EnrollmentStatus, Long> countByStatus() {
		Map<EnrollmentStatus, Long> counts = new EnumMap<>(EnrollmentStatus.class);
		for (EnrollmentStatus status : EnrollmentStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("SELECT status, count(*) AS n FROM enrollment GROUP BY status")
			.query((ResultSet rs) -> {
				counts.put(EnrollmentStatus.valueOf(rs.getString("status")), rs.getLong("n"));
			});
		return counts;
	}

	/**
	 * Moves an enrollment from the status the caller read to {@code to} and records the transition.
	 * @param decides whether this is a decision on the application (sets decidedAt, and decidedBy for an admin)
	 * @return the enrollment as changed; empty when its status was no longer {@code current.status()}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Enrollment> changeStatus(Enrollment current, EnrollmentStatus to, Instant at, Actor actor, String reason,
			boolean decides) {
		return this.jdbc.sql("""
				WITH changed AS (
				    UPDATE enrollment
				       SET status = :to, reason = :reason, updated_at = :at,
				           decided_at  = CASE WHEN :decides THEN :at ELSE decided_at END,
				           decided_by  = CASE WHEN :decides THEN CAST(:decidedBy AS uuid) ELSE decided_by END,
				           canceled_at = CASE WHEN :to = 'CANCELED' THEN :at ELSE canceled_at END,
				           offer_expires_at = NULL
				     WHERE id = :id AND status = :from
				    RETURNING *),
				history AS (
				    INSERT INTO enrollment_history (enrollment_id, mclass_id, from_status, to_status, actor_type, actor_id, reason,
				                                    occurred_at)
				    SELECT id, mclass_id, :from, :to, :actorType, CAST(:actorId AS uuid), :reason, :at FROM changed)
				SELECT %s FROM changed
				""".formatted(COLUMNS))
			.paramSource(new MapSqlParameterSource().addValue("id", current.id())
				.addValue("from", current.status().name())
				.addValue("to", to.name())
				.addValue("reason", reason, Types.VARCHAR)
				.addValue("at", JdbcValues.timestamp(at))
				.addValue("decides", decides)
				.addValue("decidedBy", (actor.type() == Actor.Type.ADMIN) ? actor.id() : null, Types.OTHER)
				.addValue("actorType", actor.type().name())
				.addValue("actorId", actor.id(), Types.OTHER))
			.query(this.rows)
			.optional();
	}

	/**
	 * Moves the {@code count} oldest waiting enrollments of a class (FIFO by application time, then id) onto seats
	 * and records each promotion. The caller holds the class's ledger row, so the waitlist cannot change meanwhile.
	 * @return the promoted enrollments, oldest first
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Enrollment> promoteOldestWaiting(UUID classId, int count, Instant at) {
		List<Enrollment> promoted = new ArrayList<>(this.jdbc.sql("""
				WITH next AS (
				    SELECT id FROM enrollment
				     WHERE mclass_id = :classId AND status = 'WAITLISTED'
				     ORDER BY applied_at, id
				     LIMIT :count),
				promoted AS (
				    UPDATE enrollment e
				       SET status = 'APPROVED', reason = NULL, decided_at = :at, decided_by = NULL, updated_at = :at
				      FROM next
				     WHERE e.id = next.id AND e.status = 'WAITLISTED'
				    RETURNING e.*),
				history AS (
				    INSERT INTO enrollment_history (enrollment_id, mclass_id, from_status, to_status, actor_type, occurred_at)
				    SELECT id, mclass_id, 'WAITLISTED', 'APPROVED', 'SYSTEM', :at FROM promoted)
				SELECT %s FROM promoted
				""".formatted(COLUMNS))
			.param("classId", classId)
			.param("count", count)
			.param("at", JdbcValues.timestamp(at))
			.query(this.rows)
			.list());
		promoted.sort(Comparator.comparing(Enrollment::appliedAt).thenComparing(Enrollment::id));
		return promoted;
	}

	/**
	 * Offers free seats to the {@code count} oldest waiting enrollments of a class (FIFO as {@link #promoteOldestWaiting})
	 * until {@code expiresAt}, and records each offer. The caller holds the class's ledger row.
	 * @return the offered enrollments, oldest first
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Enrollment> offerToOldestWaiting(UUID classId, int count, Instant at, Instant expiresAt) {
		List<Enrollment> offered = new ArrayList<>(this.jdbc.sql("""
				WITH next AS (
				    SELECT id FROM enrollment
				     WHERE mclass_id = :classId AND status = 'WAITLISTED'
				     ORDER BY applied_at, id
				     LIMIT :count),
				offered AS (
				    UPDATE enrollment e
				       SET status = 'OFFERED', reason = NULL, offer_expires_at = :expiresAt, updated_at = :at
				      FROM next
				     WHERE e.id = next.id AND e.status = 'WAITLISTED'
				    RETURNING e.*),
				history AS (
				    INSERT INTO enrollment_history (enrollment_id, mclass_id, from_status, to_status, actor_type, occurred_at)
				    SELECT id, mclass_id, 'WAITLISTED', 'OFFERED', 'SYSTEM', :at FROM offered)
				SELECT %s FROM offered
				""".formatted(COLUMNS))
			.param("classId", classId)
			.param("count", count)
			.param("at", JdbcValues.timestamp(at))
			.param("expiresAt", JdbcValues.timestamp(expiresAt))
			.query(this.rows)
			.list());
		offered.sort(Comparator.comparing(Enrollment::appliedAt).thenComparing(Enrollment::id));
		return offered;
	}

	/**
	 * The class of one offer that is due ({@code offer_expires_at <= now}), with the class's ledger row locked for this
	 * transaction; classes whose ledger row another transaction holds (a transition, another replica's sweep) are
	 * skipped, not waited for. Empty when no unlocked class has a due offer.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<UUID> lockClassWithDueOffer(Instant now) {
		return this.jdbc.sql("""
				SELECT l.class_id FROM seat_ledger l
				 WHERE l.class_id IN (SELECT e.mclass_id FROM enrollment e WHERE e.status = 'OFFERED' AND e.offer_expires_at <= :now)
				 LIMIT 1
				   FOR NO KEY UPDATE OF l SKIP LOCKED
				""").param("now", JdbcValues.timestamp(now)).query((rs, row) -> JdbcValues.uuid(rs, "class_id")).optional();
	}

	/** The class's offer that fell due first, if any is due at {@code now}; read under the class's ledger row lock. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Enrollment> oldestDueOffer(UUID classId, Instant now) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM enrollment WHERE mclass_id = :classId AND status = 'OFFERED' "
				+ "AND offer_expires_at <= :now ORDER BY offer_expires_at, id LIMIT 1")
			.param("classId", classId)
			.param("now", JdbcValues.timestamp(now))
			.query(this.rows)
			.optional();
	}

	/** Replaces the answers of an enrollment that is still editable. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean replaceAnswers(UUID id, Map<String, Object> answers, Instant at) {
		return this.jdbc.sql("""
				UPDATE enrollment SET answers = CAST(:answers AS jsonb), updated_at = :at
				 WHERE id = :id AND status IN ('APPLIED', 'WAITLISTED')
				""")
			.param("answers", this.json.writeValueAsString(answers))
			.param("at", JdbcValues.timestamp(at))
			.param("id", id)
			.update() == 1;
	}

	private Enrollment enrollment(ResultSet rs, int row) throws SQLException {
		Map<String, Object> answers = this.answersReader.readValue(rs.getString("answers"));
		return new Enrollment(JdbcValues.uuid(rs, "id"), JdbcValues.uuid(rs, "mclass_id"), JdbcValues.uuid(rs, "user_id"),
				EnrollmentStatus.valueOf(rs.getString("status")), answers, JdbcValues.nullableInt(rs, "form_version"),
				rs.getString("reason"), JdbcValues.instant(rs, "applied_at"), JdbcValues.instant(rs, "decided_at"),
				JdbcValues.uuid(rs, "decided_by"), JdbcValues.instant(rs, "canceled_at"),
				new Recipient(rs.getString("recipient_email"), rs.getString("recipient_name"), rs.getString("recipient_locale")),
				JdbcValues.instant(rs, "offer_expires_at"));
	}

}
