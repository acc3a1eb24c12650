package com.mclass.notification.intake;

import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A message from one of the event topics, read as far as every event shares: the envelope's {@code id} (what the
 * inbox deduplicates on) and {@code type}. What {@code data} must hold depends on the type.
 *
 * @param envelope the whole message, so fields are named by their full path in dead-letter reasons
 * @param traceparent the W3C trace context the producer sent ({@code traceparent} header, else envelope field)
 */
record IncomingEvent(UUID id, String type, String topic, JsonNode envelope, String traceparent) {

	static IncomingEvent read(String topic, String value, String traceparentHeader, ObjectMapper json) {
		if (value == null || value.isBlank()) {
			throw new UnprocessableEvent("the message has no value");
		}
		JsonNode envelope;
		try {
			envelope = json.readTree(value);
		}
		catch (JacksonException ex) {
			throw new UnprocessableEvent("the value is not well-formed JSON: " + ex.getOriginalMessage());
		}
		if (envelope == null || !envelope.isObject()) {
			throw new UnprocessableEvent("the value is not a JSON object");
		}
		UUID id = EventFields.requiredUuid(envelope, "id");
		String type = EventFields.requiredText(envelope, "type");
		String traceparent = (traceparentHeader != null) ? traceparentHeader
				: EventFields.text(envelope, "traceparent").orElse(null);
		return new IncomingEvent(id, type, topic, envelope, traceparent);
	}

	/** The envelope, once it is known to carry a {@code data} object: the types that send email read from it. */
	JsonNode envelopeWithData() {
		JsonNode data = this.envelope.path("data");
		if (!data.isObject()) {
			throw new UnprocessableEvent("data is " + (data.isMissingNode() ? "missing" : "not a JSON object"));
		}
		return this.envelope;
	}

}
