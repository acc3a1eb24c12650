package com.mclass.platform.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every MClass event on Kafka, named after CloudEvents attributes: {@code id} is what consumers deduplicate on,
 * {@code subject} the aggregate id (also the record key), {@code dataversion} the version of {@code data}'s schema.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope<T>(UUID id, String type, String specversion, String source, String subject, Instant time,
		int dataversion, String traceparent, T data) {

	public static final String SPEC_VERSION = "1.0";

}
