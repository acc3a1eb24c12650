package com.mclass.classes.mclass;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * How clients find classes: by id (through {@link ClassCache}) and by search. Plain SQL, so that what runs is what the
 * indexes of the V2 migration were made for.
 */
@Service
public class ClassCatalog {

	private static final String COLUMNS = "id, title, description, capacity, waitlist_capacity, allow_waitlist, visibility, "
			+ "location, fee, is_online, selection_type, recruit_start_at, recruit_end_at, start_at, end_at, created_by, "
			+ "created_at, updated_at, deleted_at, version, rush_protected, waitlist_mode, offer_window_minutes";

	private final NamedParameterJdbcTemplate jdbc;

	private final ClassCache cache;

	private final ClassListSnapshot snapshot;

	private final Clock clock;

	ClassCatalog(NamedParameterJdbcTemplate jdbc, ClassCache cache, ClassListSnapshot snapshot, Clock clock) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.snapshot = snapshot;
		this.clock = clock;
	}

	/**
	 * A page of the list from the in-memory snapshot ({@link ClassListSnapshot}), or empty when this search is for the
	 * database ({@link #search}). Recruit states, filters and the next boundary are those at {@code now}: the caller's
	 * one reading of the clock, so the page and how long it may be kept agree.
	 */
	public Optional<ClassListSnapshot.Listing> listFromMemory(ClassSearch search, boolean includeUnlisted, Instant now) {
		return this.snapshot.search(search, includeUnlisted, now);
	}

	/** A class that is not deleted, whatever its visibility: an UNLISTED class is reachable by its id. */
	public Optional<ClassView> findActive(UUID id) {
		Instant now = this.clock.instant();
		ClassCache.Entry cached = this.cache.read(id);
		if (cached.known()) {
			return cached.deleted() ? Optional.empty() : Optional.of(cached.view().at(now));
		}
		List<Row> rows = this.jdbc.query("select " + COLUMNS + " from mclass where id = :id", new MapSqlParameterSource("id", id),
				(rs, n) -> row(rs, now));
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Row row = rows.get(0);
		this.cache.store(id, row.view().version(), row.deleted() ? null : row.view());
		return row.deleted() ? Optional.empty() : Optional.of(row.view());
	}

	/**
	 * A page of classes that are not deleted. Only PUBLIC ones unless {@code includeUnlisted} (admins). Always from
	 * the database; {@link #listFromMemory} answers the same from memory where it can.
	 */
	public ClassPage search(ClassSearch search, boolean includeUnlisted) {
		Instant now = this.clock.instant();
		MapSqlParameterSource parameters = new MapSqlParameterSource("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
		StringBuilder where = new StringBuilder(" where deleted_at is null");
		if (!includeUnlisted) {
			where.append(" and visibility = 'PUBLIC'");
		}
		if (search.text() != null && !search.text().isBlank()) {
			// The same expression as the trigram index mclass_text_search, so that PostgreSQL can use it.
			where.append(" and (title || ' ' || description) ilike :text escape '\\'");
			parameters.addValue("text", "%" + escapeLike(search.text().strip()) + "%");
		}
		if (search.recruit() != null) {
			where.append(switch (search.recruit()) {
				case UPCOMING -> " and recruit_start_at > :now";
				case OPEN -> " and recruit_start_at <= :now and recruit_end_at > :now";
				case CLOSED -> " and recruit_end_at <= :now";
			});
		}
		if (search.online() != null) {
			where.append(" and is_online = :online");
			parameters.addValue("online", search.online());
		}
		if (search.selectionType() != null) {
			where.append(" and selection_type = :selectionType");
			parameters.addValue("selectionType", search.selectionType().name());
		}
		Long total = this.jdbc.queryForObject("select count(*) from mclass" + where, parameters, Long.class);
		parameters.addValue("limit", search.size()).addValue("offset", (long) search.page() * search.size());
		List<ClassView> content = this.jdbc.query(
				"select " + COLUMNS + " from mclass" + where + " order by " + search.sort().orderBy() + " limit :limit offset :offset",
				parameters, (rs, n) -> row(rs, now).view());
		return new ClassPage(content, search.page(), search.size(), (total != null) ? total : 0);
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private record Row(ClassView view, boolean deleted) {
	}

	private static Row row(ResultSet rs, Instant now) throws SQLException {
		Instant recruitStartAt = instant(rs, "recruit_start_at");
		Instant recruitEndAt = instant(rs, "recruit_end_at");
		ClassView view = new ClassView(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
				rs.getInt("capacity"), rs.getInt("waitlist_capacity"), rs.getBoolean("allow_waitlist"),
				Visibility.valueOf(rs.getString("visibility")), rs.getString("location"), rs.getLong("fee"),
				rs.getBoolean("is_online"), SelectionType.valueOf(rs.getString("selection_type")), recruitStartAt, recruitEndAt,
				instant(rs, "start_at"), instant(rs, "end_at"), RecruitState.at(now, recruitStartAt, recruitEndAt),
				rs.getObject("created_by", UUID.class), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"),
				rs.getBoolean("rush_protected"), WaitlistMode.valueOf(rs.getString("waitlist_mode")), rs.getInt("offer_window_minutes"));
		return new Row(view, rs.getTimestamp("deleted_at") != null);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
