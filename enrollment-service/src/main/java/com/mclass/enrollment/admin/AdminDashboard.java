package com.mclass.enrollment.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.mclass.enrollment.JdbcValues;
import com.mclass.enrollment.enrollment.EnrollmentStatus;
import com.mclass.enrollment.enrollment.Enrollments;
import com.mclass.enrollment.remote.Envelope;
import com.mclass.enrollment.seat.RecruitState;

/**
 * The admin dashboard: enrollments by status, fill rate per class, classes recruiting now and the outbox lag from
 * this service's own data; user, class and email counts from the other services, asked in parallel. A service that
 * does not answer in time leaves its part {@code {"available": false}}; the dashboard itself always answers.
 */
@Service
public class AdminDashboard {

	private static final int CLASS_LIMIT = 100;

	private final Enrollments enrollments;

	private final JdbcClient jdbc;

	private final ServiceStatsClients.AuthStats authStats;

	private final ServiceStatsClients.ClassStats classStats;

	private final ServiceStatsClients.NotificationStats notificationStats;

	private final Executor executor;

	private final Clock clock;

	AdminDashboard(Enrollments enrollments, JdbcClient jdbc, ServiceStatsClients.AuthStats authStats,
			ServiceStatsClients.ClassStats classStats, ServiceStatsClients.NotificationStats notificationStats,
			@Qualifier("applicationTaskExecutor") Executor executor, Clock clock) {
		this.enrollments = enrollments;
		this.jdbc = jdbc;
		this.authStats = authStats;
		this.classStats = classStats;
		this.notificationStats = notificationStats;
		this.executor = executor;
		this.clock = clock;
	}

	public View assemble() {
		CompletableFuture<Map<String, Object>> users = ask(this.authStats::stats,
				(stats) -> (stats.totalUsers() != null) ? Section.of(Map.of("total", stats.totalUsers())) : null);
		CompletableFuture<Map<String, Object>> classes = ask(this.classStats::stats,
				(stats) -> (stats.totalClasses() != null) ? Section.of(Map.of("total", stats.totalClasses())) : null);
		CompletableFuture<Map<String, Object>> emails = ask(this.notificationStats::stats, (stats) -> {
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("pending", orZero(stats.pending()));
			figures.put("failed", orZero(stats.failed()));
			figures.put("sent", orZero(stats.sent()));
			if (stats.oldestPendingAgeSeconds() != null) {
				figures.put("oldestPendingAgeSeconds", stats.oldestPendingAgeSeconds());
			}
			return Section.of(figures);
		});
		Map<EnrollmentStatus, Long> byStatus = this.enrollments.countByStatus();
		long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
		Instant now = this.clock.instant();
		List<ClassFill> fillRates = fillRates(now);
		List<ClassFill> recruiting = fillRates.stream().filter((fill) -> fill.recruitState() == RecruitState.OPEN).toList();
		return new View(byStatus, total, fillRates, recruiting, users.join(), classes.join(), emails.join(), outbox(now));
	}

	private <T> CompletableFuture<Map<String, Object>> ask(Supplier<Envelope<T>> call, Function<T, Map<String, Object>> section) {
		return CompletableFuture.supplyAsync(() -> {
			Envelope<T> answer = call.get();
			Map<String, Object> result = (answer != null && answer.data() != null) ? section.apply(answer.data()) : null;
			return (result != null) ? result : Section.UNAVAILABLE;
		}, this.executor).exceptionally((failure) -> Section.UNAVAILABLE);
	}

	private List<ClassFill> fillRates(Instant now) {
		return this.jdbc.sql("""
				SELECT c.class_id, c.title, c.recruit_start_at, c.recruit_end_at, c.start_at,
				       l.capacity, l.waitlist_capacity, l.allow_waitlist, l.approved, l.waitlisted, l.applied,
				       l.offered
				  FROM class_snapshot c JOIN seat_ledger l ON l.class_id = c.class_id
				 WHERE NOT c.deleted
				 ORDER BY c.start_at DESC NULLS LAST, c.class_id
				 LIMIT ?
				""").param(CLASS_LIMIT).query((rs, row) -> {
			Instant recruitStart = JdbcValues.instant(rs, "recruit_start_at");
			Instant recruitEnd = JdbcValues.instant(rs, "recruit_end_at");
			Instant start = JdbcValues.instant(rs, "start_at");
			int capacity = rs.getInt("capacity");
			int approved = rs.getInt("approved");
			int waitlisted = rs.getInt("waitlisted");
			int waitlistCapacity = rs.getInt("waitlist_capacity");
			return new ClassFill(JdbcValues.uuid(rs, "class_id"), rs.getString("title"), capacity, approved, waitlistCapacity, waitlisted,
					rs.getInt("applied"), (capacity > 0) ? Math.round(1000.0 * approved / capacity) / 1000.0 : 0.0,
					Math.max(0, capacity - approved - rs.getInt("offered")), // a seat offered from the waitlist is held
					rs.getBoolean("allow_waitlist") ? Math.max(0, waitlistCapacity - waitlisted) : 0,
					RecruitState.of(recruitStart, recruitEnd, start, now), recruitEnd);
		}).list();
	}

	private OutboxLag outbox(Instant now) {
		return this.jdbc.sql("SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox_event WHERE published_at IS NULL")
			.query((rs, row) -> {
				Timestamp oldest = rs.getTimestamp("oldest");
				double age = (oldest != null) ? Math.max(0, Duration.between(oldest.toInstant(), now).toMillis()) / 1000.0 : 0.0;
				return new OutboxLag(rs.getLong("pending"), age);
			})
			.single();
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0;
	}

	public record View(Map<EnrollmentStatus, Long> enrollmentsByStatus, long totalEnrollments, List<ClassFill> fillRates,
			List<ClassFill> recruitingNow, Map<String, Object> users, Map<String, Object> classes, Map<String, Object> emails,
			OutboxLag outbox) {
	}

	public record ClassFill(UUID mclassId, String title, int capacity, int approved, int waitlistCapacity, int waitlisted, int applied,
			double fillRate, int seatsLeft, int waitlistLeft, RecruitState recruitState, Instant recruitEndAt) {
	}

	public record OutboxLag(long pending, double oldestAgeSeconds) {
	}

	/** A part of the dashboard another service provides: {@code {"available": true, <figures>}} or {@code {"available": false}}. */
	static final class Section {

		static final Map<String, Object> UNAVAILABLE = Map.of("available", false);

		private Section() {
		}

		static Map<String, Object> of(Map<String, ?> figures) {
			Map<String, Object> section = new LinkedHashMap<>();
			section.put("available", true);
			section.putAll(figures);
			return section;
		}

	}

}
