package com.mclass.enrollment.queue;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mclass.enrollment.seat.ClassAdopted;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which classes an admin put behind the waiting room ({@code rushProtected}). The flag arrives with class-service's
 * events and is stored in {@code queue_room}; every replica keeps the protected set in memory and reloads it every
 * {@code protected-refresh}, so the enroll path asks neither the database nor Redis whether a class is protected.
 */
@Component
public class RushProtection {

	private static final Logger log = LoggerFactory.getLogger(RushProtection.class);

	private final JdbcClient jdbc;

	private volatile Set<UUID> protectedClasses = Set.of();

	RushProtection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean isProtected(UUID classId) {
		return this.protectedClasses.contains(classId);
	}

	@EventListener
	void on(ClassAdopted adopted) {
		adopt(adopted.classId(), adopted.data().path("rushProtected").asBoolean(false), adopted.version());
	}

	/**
	 * Records the flag of a class event, in the caller's transaction (the event's inbox transaction), unless a newer
	 * version of the class was applied already.
	 */
	public void adopt(UUID classId, boolean rushProtected, long classVersion) {
		this.jdbc.sql("""
				INSERT INTO queue_room (class_id, rush_protected, class_version) VALUES (?, ?, ?)
				ON CONFLICT (class_id) DO UPDATE SET rush_protected = EXCLUDED.rush_protected,
				       class_version = EXCLUDED.class_version, updated_at = now()
				 WHERE queue_room.class_version <= EXCLUDED.class_version
				""").params(classId, rushProtected, classVersion).update();
	}

	@Scheduled(fixedDelayString = "${mclass.queue.protected-refresh:1s}", initialDelay = 0)
	public void reload() {
		try {
			Set<UUID> loaded = ConcurrentHashMap.newKeySet();
			loaded.addAll(this.jdbc.sql("SELECT class_id FROM queue_room WHERE rush_protected").query(UUID.class).list());
			this.protectedClasses = loaded;
		}
		catch (RuntimeException ex) {
			// Keep the last known set: a database hiccup must not switch every room off.
			log.warn("Could not reload the rush-protected classes ({}); keeping {} known", ex.toString(),
					this.protectedClasses.size());
		}
	}

}
