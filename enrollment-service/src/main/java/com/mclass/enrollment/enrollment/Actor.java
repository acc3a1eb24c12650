package com.mclass.enrollment.enrollment;

import java.util.UUID;

/** Who made a transition, as the history records it: the student, an admin, or the system (waitlist promotion). */
public record Actor(Type type, UUID id) {

	public static final Actor SYSTEM = new Actor(Type.SYSTEM, null);

	public static Actor user(UUID id) {
		return new Actor(Type.USER, id);
	}

	public static Actor admin(UUID id) {
		return new Actor(Type.ADMIN, id);
	}

	public enum Type {

		USER, ADMIN, SYSTEM

	}

}
