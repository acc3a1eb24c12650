package com.mclass.enrollment.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.enrollment.JdbcValues;

/**
 * Reads the feed: the admins' and the system's transitions from {@code enrollment_history} and the recorded class and
 * user changes from {@code audit_entry}, merged newest first. Each source is filtered on its own, so each uses its
 * time index; the union is only as large as the page asked for.
 */
@Repository
public class AuditFeed {

	/** Rows fetched at a time while exporting: the export holds one batch in memory, never the whole feed. */
	private static final int EXPORT_FETCH_SIZE = 500;

	private final NamedParameterJdbcTemplate jdbc;

	/** Its own template: the fetch size (a cursor instead of the whole result) must not change the shared one. */
	private final NamedParameterJdbcTemplate exporting;

	private final ObjectReader detailsReader;

	AuditFeed(NamedParameterJdbcTemplate jdbc, DataSource dataSource, JsonMapper json) {
		this.jdbc = jdbc;
		JdbcTemplate batches = new JdbcTemplate(dataSource);
		batches.setFetchSize(EXPORT_FETCH_SIZE);
		this.exporting = new NamedParameterJdbcTemplate(batches);
		this.detailsReader = json.readerFor(new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

	/** One page, newest first. */
	@Transactional(readOnly = true)
	public AuditPage search(AuditFilter filter, int page, int size) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String union = union(filter, parameters);
		if (union == null) {
			return new AuditPage(List.of(), page, size, 0);
		}
		Long total = this.jdbc.queryForObject("SELECT count(*) FROM (" + union + ") feed", parameters, Long.class);
		parameters.addValue("limit", size).addValue("offset", (long) page * size);
		List<AuditEntry> content = this.jdbc.query("SELECT * FROM (" + union + ") feed ORDER BY occurred_at DESC, source, seq DESC "
				+ "LIMIT :limit OFFSET :offset", parameters, (rs, row) -> entry(rs));
		return new AuditPage(content, page, size, (total != null) ? total : 0);
	}

	/**
	 * Every matching entry, newest first, handed over one at a time as the database sends them (a cursor in a read-only
	 * transaction), so an export of any length streams.
	 */
	@Transactional(readOnly = true)
	public void each(AuditFilter filter, Consumer<AuditEntry> consumer) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String union = union(filter, parameters);
		if (union == null) {
			return;
		}
		this.exporting.query("SELECT * FROM (" + union + ") feed ORDER BY occurred_at DESC, source, seq DESC", parameters,
				(RowCallbackHandler) (rs) -> consumer.accept(entry(rs)));
	}

	/** The statement of both sources with the filter's conditions; {@code null} when the filter excludes both. */
	private static String union(AuditFilter filter, MapSqlParameterSource parameters) {
		List<String> parts = new ArrayList<>(2);
		if (filter.actorId() != null) {
			parameters.addValue("actorId", filter.actorId());
		}
		if (filter.subjectId() != null) {
			parameters.addValue("subjectId", filter.subjectId());
		}
		if (filter.from() != null) {
			parameters.addValue("from", JdbcValues.timestamp(filter.from()));
		}
		if (filter.to() != null) {
			parameters.addValue("to", JdbcValues.timestamp(filter.to()));
		}
		if (filter.includes(AuditType.ENROLLMENT_STATUS_CHANGED)) {
			StringBuilder history = new StringBuilder("""
					SELECT 'ENROLLMENT_STATUS_CHANGED' AS type, h.occurred_at, h.actor_type, h.actor_id,
					       'ENROLLMENT' AS subject_type, h.enrollment_id AS subject_id,
					       jsonb_build_object('mclassId', h.mclass_id, 'from', h.from_status, 'to', h.to_status,
					                          'reason', h.reason)::text AS details,
					       1 AS source, h.id AS seq
					  FROM enrollment_history h
					 WHERE h.actor_type <> 'USER'""");
			conditions(history, filter, "h.", "(h.enrollment_id = :subjectId OR h.mclass_id = :subjectId)");
			parts.add(history.toString());
		}
		List<String> entryTypes = new ArrayList<>();
		for (AuditType type : AuditType.values()) {
			if (type != AuditType.ENROLLMENT_STATUS_CHANGED && filter.includes(type)) {
				entryTypes.add(type.name());
			}
		}
		if (!entryTypes.isEmpty()) {
			parameters.addValue("entryTypes", entryTypes);
			StringBuilder entries = new StringBuilder("""
					SELECT a.type, a.occurred_at, a.actor_type, a.actor_id, a.subject_type, a.subject_id, a.details::text AS details,
					       2 AS source, a.id AS seq
					  FROM audit_entry a
					 WHERE a.type IN (:entryTypes)""");
			conditions(entries, filter, "a.", "a.subject_id = :subjectId");
			parts.add(entries.toString());
		}
		return parts.isEmpty() ? null : String.join("\nUNION ALL\n", parts);
	}

	private static void conditions(StringBuilder where, AuditFilter filter, String alias, String subjectCondition) {
		if (filter.actorId() != null) {
			where.append(" AND ").append(alias).append("actor_id = :actorId");
		}
		if (filter.subjectId() != null) {
			where.append(" AND ").append(subjectCondition);
		}
		if (filter.from() != null) {
			where.append(" AND ").append(alias).append("occurred_at >= :from");
		}
		if (filter.to() != null) {
			where.append(" AND ").append(alias).append("occurred_at < :to");
		}
	}

	private AuditEntry entry(ResultSet rs) throws SQLException {
		Map<String, Object> details = this.detailsReader.readValue(rs.getString("details"));
		details.values().removeIf(Objects::isNull);
		return new AuditEntry(AuditType.valueOf(rs.getString("type")), JdbcValues.instant(rs, "occurred_at"),
				rs.getString("actor_type"), rs.getObject("actor_id", UUID.class), rs.getString("subject_type"),
				rs.getObject("subject_id", UUID.class), details);
	}

}
