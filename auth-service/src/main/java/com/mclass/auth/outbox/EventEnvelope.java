package com.mclass.auth.outbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An event as it travels on Kafka, named after CloudEvents attributes: {@code id} is what consumers deduplicate on,
 * {@code subject} the aggregate id (also the record key), {@code dataversion} the version of {@code data}'s schema.
 * Same shape as platform-events' envelope.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventEnvelope<T>(UUID id, String type, String specversion, String source, String subject, Instant time,
		int dataversion, String traceparent, T data) {

	static final String SPEC_VERSION = "1.0";

}
