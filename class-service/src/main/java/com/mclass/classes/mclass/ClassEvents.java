package com.mclass.classes.mclass;

/**
 * The Kafka topic of class-service's events and the schema version of their payloads; EVENTS.md documents both.
 * Every event of a class is keyed by the class id, so that one class's events stay in order on one partition.
 */
public final class ClassEvents {

	public static final String TOPIC = "mclass.class.events";

	/** The {@code dataversion} of every payload below; bumped only on an incompatible change. */
	public static final int DATA_VERSION = 1;

	public static final String CLASS_CREATED = "ClassCreated";

	public static final String CLASS_UPDATED = "ClassUpdated";

	public static final String CLASS_DELETED = "ClassDeleted";

	public static final String ENROLLMENT_FORM_PUBLISHED = "EnrollmentFormPublished";

	private ClassEvents() {
	}

}
