package com.mclass.enrollment.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.enrollment.JdbcValues;

/**
 * Turns the class and user events that matter into audit entries, each at most once: the entry's event id is unique,
 * and a class's capacity is compared with the version the audit saw before, so a redelivered or older event changes
 * nothing. Events of other types, and class events that change no capacity, leave no entry.
 */
@Service
class RecordingAuditEvents {

	private static final Logger log = LoggerFactory.getLogger(RecordingAuditEvents.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RecordingAuditEvents(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A message of {@code mclass.class.events}: a capacity change of {@code ClassCreated}/{@code ClassUpdated}. */
	@Transactional
	public void classEvent(Envelope event) {
		if (!"ClassCreated".equals(event.type()) && !"ClassUpdated".equals(event.type())) {
			return;
		}
		JsonNode data = event.data();
		Optional<UUID> classId = uuid(data.path("classId").asString(data.path("id").asString(event.subject())));
		if (classId.isEmpty() || !data.path("capacity").isNumber()) {
			log.debug("Class event {} names no class or capacity: not audited", event.id());
			return;
		}
		int capacity = data.path("capacity").asInt();
		int waitlistCapacity = data.path("waitlistCapacity").asInt(0);
		long version = data.path("version").asLong(0);
		Optional<SeenCapacity> seen = this.jdbc
			.sql("SELECT capacity, waitlist_capacity, class_version FROM audit_class_capacity WHERE class_id = ? FOR UPDATE")
			.param(classId.get())
			.query((rs, row) -> new SeenCapacity(rs.getInt(1), rs.getInt(2), rs.getLong(3)))
			.optional();
		if (seen.isEmpty()) {
			this.jdbc.sql("INSERT INTO audit_class_capacity (class_id, capacity, waitlist_capacity, class_version) VALUES (?, ?, ?, ?) "
					+ "ON CONFLICT (class_id) DO NOTHING").params(classId.get(), capacity, waitlistCapacity, version).update();
			return;
		}
		SeenCapacity before = seen.get();
		if (version <= before.version()) {
			return; // redelivered, or older than what was seen
		}
		this.jdbc.sql("UPDATE audit_class_capacity SET capacity = ?, waitlist_capacity = ?, class_version = ? WHERE class_id = ?")
			.params(capacity, waitlistCapacity, version, classId.get())
			.update();
		if (before.capacity() == capacity && before.waitlistCapacity() == waitlistCapacity) {
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("fromCapacity", before.capacity());
		details.put("toCapacity", capacity);
		details.put("fromWaitlistCapacity", before.waitlistCapacity());
		details.put("toWaitlistCapacity", waitlistCapacity);
		details.put("classVersion", version);
		// ClassUpdated names the admin who edited the class (updatedBy); events published before it did have no actor.
		Optional<UUID> updatedBy = uuid(data.path("updatedBy").asString(""));
		record(event, AuditType.CLASS_CAPACITY_CHANGED, updatedBy.isPresent() ? "ADMIN" : null, updatedBy.orElse(null), "CLASS",
				classId.get(), details);
	}

	/** A message of {@code mclass.user.events}: an administrator's role change, disabling or enabling. */
	@Transactional
	public void userEvent(Envelope event) {
		AuditType type = switch (event.type()) {
			case "UserRoleChanged" -> AuditType.USER_ROLE_CHANGED;
			case "UserDisabled" -> AuditType.USER_DISABLED;
			case "UserEnabled" -> AuditType.USER_ENABLED;
			default -> null;
		};
		if (type == null) {
			return;
		}
		JsonNode data = event.data();
		Optional<UUID> userId = uuid(data.path("userId").asString(event.subject()));
		if (userId.isEmpty()) {
			log.warn("User event {} ({}) names no user: not audited", event.id(), event.type());
			return;
		}
		Optional<UUID> changedBy = uuid(data.path("changedBy").asString(""));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("email", text(data, "email"));
		if (type == AuditType.USER_ROLE_CHANGED) {
			details.put("fromRole", text(data, "previousRole"));
		}
		details.put("toRole", text(data, "role"));
		record(event, type, changedBy.isPresent() ? "ADMIN" : null, changedBy.orElse(null), "USER", userId.get(), details);
	}

	private void record(Envelope event, AuditType type, String actorType, UUID actorId, String subjectType, UUID subjectId,
			Map<String, Object> details) {
		details.values().removeIf(java.util.Objects::isNull);
		this.jdbc.sql("""
				INSERT INTO audit_entry (event_id, type, actor_type, actor_id, subject_type, subject_id, details, occurred_at)
				VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
				ON CONFLICT (event_id) DO NOTHING
				""")
			.params(event.id(), type.name(), actorType, actorId, subjectType, subjectId, this.json.writeValueAsString(details),
					JdbcValues.timestamp(event.time()))
			.update();
	}

	private static String text(JsonNode data, String field) {
		JsonNode value = data.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.asString();
	}

	private static Optional<UUID> uuid(String text) {
		if (text == null || text.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** The parts of an event envelope the audit reads. */
	record Envelope(UUID id, String type, String subject, Instant time, JsonNode data) {
	}

	private record SeenCapacity(int capacity, int waitlistCapacity, long version) {
	}

}
