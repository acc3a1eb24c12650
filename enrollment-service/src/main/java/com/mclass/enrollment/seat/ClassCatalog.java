package com.mclass.enrollment.seat;

import java.util.Optional;
import java.util.UUID;

/**
 * class-service, asked directly: the fallback for a class whose events have not reached this service yet.
 * Implemented by {@code classcatalog} (OpenFeign behind Resilience4j).
 */
public interface ClassCatalog {

	/**
	 * The class's seat configuration, recruit window, schedule, version, deleted flag and active form.
	 * @return empty when class-service does not know the class
	 * @throws Unavailable when class-service could not answer (down, slow, circuit open)
	 */
	Optional<ClassData> describe(UUID classId);

	/** class-service could not be asked; the cause has been logged where it happened. */
	class Unavailable extends RuntimeException {

		public Unavailable(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
