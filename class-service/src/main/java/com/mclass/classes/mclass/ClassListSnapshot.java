package com.mclass.classes.mclass;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every class that is not deleted, in memory, presorted in each order the list offers, so that browsing
 * ({@code GET /api/mclasses}, the page every student reloads before a rush) costs no database query.
 * <p>
 * Freshness, per replica: a change made through this replica marks the snapshot stale when it commits (the next read
 * reloads); changes made through another replica are seen at the next check of the table's stamp (number of rows and
 * sum of their versions, which every create, update and delete changes), at most
 * {@code mclass.classes.list-snapshot.ttl} (1 s) after the previous check. Only the reads the database would answer
 * identically are served from here: no text search ({@code q}: the database's case folding and trigram index), no
 * title order (the database's collation), and nothing when there are more than
 * {@code mclass.classes.list-snapshot.max-classes} classes (memory).
 */
@Component
public class ClassListSnapshot {

	private static final String COLUMNS = "id, title, description, capacity, waitlist_capacity, allow_waitlist, visibility, "
			+ "location, fee, is_online, selection_type, recruit_start_at, recruit_end_at, start_at, end_at, created_by, "
			+ "created_at, updated_at, version, rush_protected, waitlist_mode, offer_window_minutes";

	/** PostgreSQL orders uuids by their bytes: unsigned, most significant half first. */
	static final Comparator<UUID> UUID_ORDER = (a, b) -> {
		int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
		return (high != 0) ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
	};

	private static final Map<String, Function<ClassView, Instant>> ORDERS = Map.of("createdAt", ClassView::createdAt,
			"recruitStartAt", ClassView::recruitStartAt, "recruitEndAt", ClassView::recruitEndAt, "startAt", ClassView::startAt);

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final Duration ttl;

	private final int maxClasses;

	private final ReentrantLock refreshing = new ReentrantLock();

	private volatile Snapshot current;

	/** Changes committed through this replica; a snapshot is current only if it was read after the last of them. */
	private final AtomicLong changes = new AtomicLong();

	private final ClassListChanges announcements;

	ClassListSnapshot(NamedParameterJdbcTemplate jdbc, Clock clock,
			@Value("${mclass.classes.list-snapshot.ttl:1s}") Duration ttl,
			@Value("${mclass.classes.list-snapshot.max-classes:5000}") int maxClasses, ClassListChanges announcements) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = ttl;
		this.maxClasses = maxClasses;
		this.announcements = announcements;
	}

	/**
	 * The page {@code search} asks for as of {@code now}, from memory, with the snapshot it came from; empty when this
	 * search is for the database.
	 */
	public Optional<Listing> search(ClassSearch search, boolean includeUnlisted, Instant now) {
		if ((search.text() != null && !search.text().isBlank()) || !ORDERS.containsKey(search.sort().field())) {
			return Optional.empty();
		}
		Snapshot snapshot = fresh();
		if (snapshot == null || snapshot.sorted() == null) {
			return Optional.empty();
		}
		List<ClassView> ascending = snapshot.sorted().get(search.sort().field());
		long offset = (long) search.page() * search.size();
		List<ClassView> content = new ArrayList<>(Math.min(search.size(), ascending.size()));
		long matched = 0;
		int count = ascending.size();
		for (int i = 0; i < count; i++) {
			ClassView view = ascending.get(search.sort().descending() ? count - 1 - i : i);
			if (!matches(view, search, includeUnlisted, now)) {
				continue;
			}
			if (matched >= offset && content.size() < search.size()) {
				content.add(view.at(now));
			}
			matched++;
		}
		return Optional.of(new Listing(new ClassPage(content, search.page(), search.size(), matched), snapshot.generation(),
				snapshot.nextBoundaryAfter(now)));
	}

	/**
	 * After the current transaction commits (at once without one), the next read reloads, and the gateways are told to
	 * drop their copies of the list ({@link ClassListChanges}).
	 */
	void changedAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					changed();
				}
			});
		}
		else {
			changed();
		}
	}

	private void changed() {
		this.announcements.announce(this.changes.incrementAndGet());
	}

	/** The same rules as {@code ClassCatalog.search}'s SQL. */
	private static boolean matches(ClassView view, ClassSearch search, boolean includeUnlisted, Instant now) {
		if (!includeUnlisted && view.visibility() != Visibility.PUBLIC) {
			return false;
		}
		if (search.recruit() != null) {
			boolean inState = switch (search.recruit()) {
				case UPCOMING -> view.recruitStartAt().isAfter(now);
				case OPEN -> !view.recruitStartAt().isAfter(now) && view.recruitEndAt().isAfter(now);
				case CLOSED -> !view.recruitEndAt().isAfter(now);
			};
			if (!inState) {
				return false;
			}
		}
		if (search.online() != null && view.isOnline() != search.online()) {
			return false;
		}
		return search.selectionType() == null || view.selectionType() == search.selectionType();
	}

	private Snapshot fresh() {
		Snapshot snapshot = this.current;
		Instant now = this.clock.instant();
		boolean mustReload = snapshot == null || snapshot.changesSeen() != this.changes.get();
		if (!mustReload && now.isBefore(snapshot.checkedAt().plus(this.ttl))) {
			return snapshot;
		}
		if (!mustReload && !this.refreshing.tryLock()) {
			return snapshot; // another request is checking the stamp; the snapshot is at most one check older
		}
		if (mustReload) {
			this.refreshing.lock();
		}
		try {
			snapshot = this.current;
			now = this.clock.instant();
			long seen = this.changes.get();
			if (snapshot != null && snapshot.changesSeen() == seen && now.isBefore(snapshot.checkedAt().plus(this.ttl))) {
				return snapshot;
			}
			Stamp stamp = this.jdbc.queryForObject("select count(*) as n, coalesce(sum(version), 0) as versions from mclass",
					new MapSqlParameterSource(), (rs, row) -> new Stamp(rs.getLong("n"), rs.getLong("versions")));
			if (snapshot != null && snapshot.stamp().equals(stamp)) {
				snapshot = snapshot.checkedAt(now, seen);
			}
			else {
				snapshot = load(stamp, now, (snapshot != null) ? snapshot.generation() + 1 : 1, seen);
			}
			this.current = snapshot;
			return snapshot;
		}
		finally {
			this.refreshing.unlock();
		}
	}

	private Snapshot load(Stamp stamp, Instant now, long generation, long changesSeen) {
		Long active = this.jdbc.queryForObject("select count(*) from mclass where deleted_at is null", new MapSqlParameterSource(),
				Long.class);
		if (active == null || active > this.maxClasses) {
			return new Snapshot(stamp, generation, now, changesSeen, null, List.of());
		}
		List<ClassView> views = this.jdbc.query("select " + COLUMNS + " from mclass where deleted_at is null",
				new MapSqlParameterSource(), (rs, n) -> {
					Instant recruitStartAt = instant(rs.getTimestamp("recruit_start_at"));
					Instant recruitEndAt = instant(rs.getTimestamp("recruit_end_at"));
					return new ClassView(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
							rs.getInt("capacity"), rs.getInt("waitlist_capacity"), rs.getBoolean("allow_waitlist"),
							Visibility.valueOf(rs.getString("visibility")), rs.getString("location"), rs.getLong("fee"),
							rs.getBoolean("is_online"), SelectionType.valueOf(rs.getString("selection_type")), recruitStartAt,
							recruitEndAt, instant(rs.getTimestamp("start_at")), instant(rs.getTimestamp("end_at")),
							RecruitState.at(now, recruitStartAt, recruitEndAt), rs.getObject("created_by", UUID.class),
							instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getLong("version"),
							rs.getBoolean("rush_protected"), WaitlistMode.valueOf(rs.getString("waitlist_mode")),
							rs.getInt("offer_window_minutes"));
				});
		Map<String, List<ClassView>> sorted = new HashMap<>();
		ORDERS.forEach((field, key) -> {
			List<ClassView> list = new ArrayList<>(views);
			list.sort(Comparator.comparing(key).thenComparing(ClassView::id, UUID_ORDER));
			sorted.put(field, List.copyOf(list));
		});
		List<Instant> boundaries = new ArrayList<>(views.size() * 2);
		for (ClassView view : views) {
			boundaries.add(view.recruitStartAt());
			boundaries.add(view.recruitEndAt());
		}
		boundaries.sort(Comparator.naturalOrder());
		return new Snapshot(stamp, generation, now, changesSeen, Map.copyOf(sorted), List.copyOf(boundaries));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A page served from memory.
	 * @param generation which snapshot it came from (a new one after every change)
	 * @param changesAt when the same search would first give another answer although nothing changed: the next recruit
	 * window boundary of any class (recruit states and the recruit filter move with the clock); {@code null} when none
	 */
	public record Listing(ClassPage page, long generation, Instant changesAt) {
	}

	private record Stamp(long rows, long versions) {
	}

	/** @param changesSeen this replica's change count read before the rows were: a later change makes it stale */
	private record Snapshot(Stamp stamp, long generation, Instant checkedAt, long changesSeen, Map<String, List<ClassView>> sorted,
			List<Instant> boundaries) {

		Snapshot checkedAt(Instant now, long changesSeen) {
			return new Snapshot(this.stamp, this.generation, now, changesSeen, this.sorted, this.boundaries);
		}

		Instant nextBoundaryAfter(Instant now) {
			int low = 0;
			int high = this.boundaries.size();
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (this.boundaries.get(middle).isAfter(now)) {
					high = middle;
				}
				else {
					low = middle + 1;
				}
			}
			return (low < this.boundaries.size()) ? this.boundaries.get(low) : null;
		}

	}

}
