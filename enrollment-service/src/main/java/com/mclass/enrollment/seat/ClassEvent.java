package com.mclass.enrollment.seat;

import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One message of {@code mclass.class.events}: the envelope's id (what the inbox deduplicates on), type, subject (the
 * class id) and data. Reading is tolerant of fields it does not know; an envelope without id or type is refused.
 */
record ClassEvent(UUID id, String type, UUID subject, JsonNode data) {

	static final String CLASS_CREATED = "ClassCreated";

	static final String CLASS_UPDATED = "ClassUpdated";

	static final String CLASS_DELETED = "ClassDeleted";

	static final String ENROLLMENT_FORM_PUBLISHED = "EnrollmentFormPublished";

	static ClassEvent parse(ObjectMapper json, String message) {
		try {
			JsonNode envelope = json.readTree(message);
			UUID id = UUID.fromString(envelope.path("id").asString());
			String type = envelope.path("type").asString();
			if (type.isEmpty()) {
				throw new MalformedClassEvent("The event " + id + " has no type", null);
			}
			String subject = envelope.path("subject").asString("");
			return new ClassEvent(id, type, subject.isEmpty() ? null : UUID.fromString(subject), envelope.path("data"));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new MalformedClassEvent("Not a class event: " + abbreviated(message), ex);
		}
	}

	ClassData classData(ObjectMapper json) {
		return read(json, ClassData.class);
	}

	PublishedForm form(ObjectMapper json) {
		return read(json, PublishedForm.class);
	}

	/** The class named by the data, else by the envelope's subject. */
	UUID classId() {
		String fromData = this.data.path("classId").asString(this.data.path("id").asString(""));
		if (!fromData.isEmpty()) {
			try {
				return UUID.fromString(fromData);
			}
			catch (IllegalArgumentException ex) {
				throw new MalformedClassEvent("Event " + this.id + " names no valid class id", ex);
			}
		}
		if (this.subject == null) {
			throw new MalformedClassEvent("Event " + this.id + " names no class", null);
		}
		return this.subject;
	}

	private <T> T read(ObjectMapper json, Class<T> type) {
		try {
			return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(this.data);
		}
		catch (JacksonException ex) {
			throw new MalformedClassEvent("Event " + this.id + " (" + this.type + ") has unreadable data", ex);
		}
	}

	private static String abbreviated(String message) {
		return (message == null || message.length() <= 200) ? String.valueOf(message) : message.substring(0, 200) + "…";
	}

	/** A message that can never be applied, however often it is retried; it goes to the dead-letter topic. */
	static class MalformedClassEvent extends RuntimeException {

		MalformedClassEvent(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
