package com.mclass.enrollment.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.mclass.enrollment.RedisScripts;

/**
 * Every class's line, in Redis: tickets issued in order (one per student), admitted strictly in that order by a
 * script any replica may run (Redis' own clock, one script at a time), and the check in front of enrolling. State
 * lives only in Redis, so any replica serves any request and a restart loses nothing. Every Redis failure is a
 * {@link QueueUnavailable}: the room fails closed.
 */
@Component
public class WaitingRoom {

	private static final RedisScript<List> ISSUE = script("issue.lua");

	private static final RedisScript<List> ADMIT = script("admit.lua");

	private static final RedisScript<List> GUARD = script("guard.lua");

	private static final RedisScript<List> READ = script("read.lua");

	private final StringRedisTemplate redis;

	private final QueueProperties properties;

	private final RushProtection protection;

	private final Clock clock;

	WaitingRoom(StringRedisTemplate redis, QueueProperties properties, RushProtection protection, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.protection = protection;
		this.clock = clock;
	}

	/** Whether enrolling in the class needs an admitted ticket right now. */
	public boolean isActive(UUID classId) {
		if (this.protection.isProtected(classId)) {
			return true;
		}
		Object autoUntil = redis(() -> this.redis.opsForHash().get(keys(classId).state(), "auto_until"));
		return autoUntil != null && Long.parseLong(autoUntil.toString()) > this.clock.millis();
	}

	/**
	 * The student's place in the class's line: the ticket they hold (same place again), else a new one at the back.
	 * The line is admitted at once as far as the rate allows, so a short line answers "admitted" right away.
	 */
	public Issued issue(UUID classId, UUID studentId) {
		QueueKeys keys = keys(classId);
		String candidate = Ticket.newTicket();
		List<?> issued = redis(() -> this.redis.execute(ISSUE, keys.forIssue(candidate), studentId.toString(), candidate,
				classId.toString(), seconds(this.properties.keyTtl().toSeconds())));
		String ticket = (String) issued.get(0);
		admit(classId);
		return new Issued(read(classId, ticket, studentId), asLong(issued.get(5)) == 1);
	}

	/**
	 * The ticket's current place, for its owner only.
	 * @throws TicketNotFound when the ticket is not in this class's line or belongs to someone else
	 */
	public QueuePlace read(UUID classId, String ticket, UUID studentId) {
		QueueKeys keys = keys(classId);
		List<?> found = redis(() -> this.redis.execute(READ, List.of(keys.state(), keys.tickets(), keys.admitted()), ticket));
		if (found == null || found.isEmpty() || !studentId.toString().equals(found.get(0))) {
			throw new TicketNotFound();
		}
		long seq = asLong(found.get(1));
		long head = asLong(found.get(2));
		long expires = asLong(found.get(3));
		long now = asLong(found.get(4));
		if (seq <= head && expires <= now) {
			throw new TicketExpired();
		}
		return QueuePlace.of(ticket, seq, head, seq <= head, expires, this.properties.admissionRate());
	}

	/** The check in front of enrolling (counts the arrival for auto-activation). */
	public Verdict guard(UUID classId, UUID studentId, String ticket) {
		QueueKeys keys = keys(classId);
		long second = this.clock.instant().getEpochSecond();
		List<?> verdict = redis(() -> this.redis.execute(GUARD, keys.forGuard(second),
				this.protection.isProtected(classId) ? "1" : "0", String.valueOf(this.properties.admissionRate()),
				String.valueOf(this.properties.autoHold().toMillis()), (ticket != null) ? ticket : "", studentId.toString(),
				classId.toString()));
		return new Verdict(Verdict.Kind.valueOf((String) verdict.get(0)), asLong(verdict.get(1)));
	}

	/** An admission was used (the enroll was answered): its slot goes to the next in line. The ticket stays valid. */
	public void used(UUID classId, String ticket) {
		redis(() -> this.redis.opsForZSet().remove(keys(classId).open(), ticket));
	}

	/** Runs the admission step of one class; returns how many were admitted. */
	public long admit(UUID classId) {
		QueueKeys keys = keys(classId);
		List<?> result = redis(() -> this.redis.execute(ADMIT, keys.forAdmit(), String.valueOf(this.properties.admissionRate()),
				String.valueOf(this.properties.admissionWindow()), String.valueOf(this.properties.admissionTtl().toMillis()),
				String.valueOf(this.properties.autoHold().toMillis()), classId.toString(),
				seconds(this.properties.keyTtl().toSeconds())));
		return asLong(result.get(0));
	}

	/** The classes whose line has tickets waiting or admissions open. */
	public Set<String> classesWithALine() {
		Set<String> members = redis(() -> this.redis.opsForSet().members(keys(null).activeClasses()));
		return (members != null) ? members : Set.of();
	}

	/** Which class a ticket was issued for, if it exists at all (to tell "another class" from "forged"). */
	public UUID classOf(String ticket) {
		String classId = redis(() -> this.redis.opsForValue().get(keys(null).ticketIndex(ticket)));
		return (classId != null) ? UUID.fromString(classId) : null;
	}

	/** The class's admissions in order, as the admission log recorded them (for audits and the benchmark). */
	public List<Admission> admissions(UUID classId, String after, int limit) {
		List<MapRecord<String, Object, Object>> records = redis(() -> this.redis.opsForStream()
			.range(keys(classId).admissionLog(),
					(after == null) ? Range.unbounded() : Range.rightUnbounded(Range.Bound.exclusive(after)),
					Limit.limit().count(limit)));
		List<Admission> admissions = new ArrayList<>();
		if (records != null) {
			for (MapRecord<String, Object, Object> record : records) {
				Map<Object, Object> fields = record.getValue();
				admissions.add(new Admission(record.getId().getValue(), Long.parseLong(fields.get("seq").toString()),
						fields.get("ticket").toString(), Instant.ofEpochMilli(Long.parseLong(fields.get("at").toString()))));
			}
		}
		return admissions;
	}

	/** The line's head (last admitted sequence number) and when auto-activation ends, for the live stream. */
	public Head head(UUID classId) {
		List<Object> values = redis(
				() -> this.redis.opsForHash().multiGet(keys(classId).state(), List.of("head", "auto_until")));
		long head = (values.get(0) != null) ? Long.parseLong(values.get(0).toString()) : 0;
		long autoUntil = (values.get(1) != null) ? Long.parseLong(values.get(1).toString()) : 0;
		return new Head(head, this.protection.isProtected(classId) || autoUntil > this.clock.millis());
	}

	/** The tickets (and their sequence numbers) of these students in the class's line; null for a student without one. */
	public List<Held> held(UUID classId, List<UUID> students) {
		QueueKeys keys = keys(classId);
		List<Object> tickets = redis(() -> this.redis.opsForHash()
			.multiGet(keys.owners(), students.stream().map(UUID::toString).map(Object.class::cast).toList()));
		List<Object> present = tickets.stream().filter(java.util.Objects::nonNull).toList();
		List<Object> records = present.isEmpty() ? List.of() : redis(() -> this.redis.opsForHash().multiGet(keys.tickets(), present));
		List<Double> expiries = present.isEmpty() ? List.of()
				: redis(() -> this.redis.opsForZSet().score(keys.admitted(), present.toArray()));
		List<Held> held = new ArrayList<>(students.size());
		int next = 0;
		for (Object ticket : tickets) {
			if (ticket == null) {
				held.add(null);
				continue;
			}
			Object record = records.get(next);
			Double expiry = expiries.get(next);
			next++;
			if (record == null) {
				held.add(null);
				continue;
			}
			String text = record.toString();
			held.add(new Held(ticket.toString(), Long.parseLong(text.substring(0, text.indexOf('|'))),
					(expiry != null) ? expiry.longValue() : -1));
		}
		return held;
	}

	QueueKeys keys(UUID classId) {
		return new QueueKeys(this.properties.keyPrefix(), classId);
	}

	int admissionRate() {
		return this.properties.admissionRate();
	}

	private static String seconds(long seconds) {
		return String.valueOf(seconds);
	}

	private static long asLong(Object value) {
		return (value instanceof Number number) ? number.longValue() : Long.parseLong(String.valueOf(value));
	}

	private static <T> T redis(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (TicketNotFound | TicketExpired ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new QueueUnavailable(ex);
		}
	}

	@SuppressWarnings("rawtypes")
	private static RedisScript<List> script(String name) {
		return RedisScripts.fromClasspath("queue/" + name, List.class);
	}

	/** A place and whether it was issued by this call (201) or held already (201 too: same ticket, same place). */
	public record Issued(QueuePlace place, boolean issuedNow) {
	}

	/** The enroll check's answer. */
	public record Verdict(Kind kind, long place) {

		public enum Kind {

			OPEN, ADMITTED, REQUIRED, UNKNOWN, EXPIRED, WAITING

		}

	}

	/** One admission of the log: stream id, issue sequence number, ticket, when. */
	public record Admission(String id, long seq, String ticket, Instant at) {
	}

	public record Head(long head, boolean active) {
	}

	/** A student's ticket: its sequence number and admission expiry (epoch ms, -1 while waiting). */
	public record Held(String ticket, long seq, long admissionExpiresAt) {
	}

	/** Not in this class's line, or someone else's: 404 to the caller. */
	public static class TicketNotFound extends RuntimeException {

		TicketNotFound() {
			super("No such ticket in this line", null, false, false);
		}

	}

	/** Admitted once, unused and lapsed. */
	public static class TicketExpired extends RuntimeException {

		TicketExpired() {
			super("The admission expired", null, false, false);
		}

	}

}
