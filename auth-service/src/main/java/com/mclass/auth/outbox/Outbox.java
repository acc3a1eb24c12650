package com.mclass.auth.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events in the caller's transaction, so an event exists if and only if the change it describes committed.
 * After commit the relay is woken, which keeps commit-to-Kafka latency near a round trip instead of a poll interval.
 * (Kept deliberately close to platform-events' {@code Outbox}: swapping to the library changes imports, not callers.)
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final String source;

	private final Supplier<String> traceparent;

	private final Runnable wakeRelay;

	private final Clock clock;

	Outbox(JdbcClient jdbc, JsonMapper json, String source, Supplier<String> traceparent, Runnable wakeRelay, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.source = source;
		this.traceparent = traceparent;
		this.wakeRelay = wakeRelay;
		this.clock = clock;
	}

	/**
	 * Records an event for {@code topic}, keyed by {@code subject} (the aggregate id, which keeps one aggregate's
	 * events in order on one partition). Must run inside a transaction.
	 * @return the event's id
	 */
	public <T> UUID append(String topic, String type, String subject, int dataVersion, T data) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Outbox.append must run inside the transaction that makes the change");
		}
		String trace = this.traceparent.get();
		EventEnvelope<T> event = new EventEnvelope<>(UUID.randomUUID(), type, EventEnvelope.SPEC_VERSION, this.source,
				subject, this.clock.instant(), dataVersion, trace, data);
		this.jdbc.sql("insert into outbox_event (id, topic, message_key, type, payload, traceparent, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(event.id(), topic, subject, type, this.json.writeValueAsString(event), trace, Timestamp.from(event.time()))
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.wakeRelay.run();
			}
		});
		return event.id();
	}

}
