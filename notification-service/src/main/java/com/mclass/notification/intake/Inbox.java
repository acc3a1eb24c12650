package com.mclass.notification.intake;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every event id this service has handled ({@code processed_event}). Kafka delivers at least once and producers may
 * publish an event twice; the inbox's primary key turns every repeat into a no-op.
 */
@Repository
class Inbox {

	private static final int MAX_TYPE_LENGTH = 100;

	private final JdbcClient jdbc;

	Inbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the event unless it is already there. {@code ON CONFLICT DO NOTHING} makes two deliveries of one event
	 * racing on two consumers safe without an error: the second insert waits for the first transaction and, once it
	 * commits, inserts nothing, so exactly one of them goes on to queue the email.
	 * @return {@code true} if this is the first time the event is seen
	 */
	boolean remember(IncomingEvent event, InboxOutcome outcome) {
		String type = (event.type().length() > MAX_TYPE_LENGTH) ? event.type().substring(0, MAX_TYPE_LENGTH) : event.type();
		return this.jdbc.sql("""
				insert into processed_event (event_id, type, topic, outcome) values (:id, :type, :topic, :outcome)
				on conflict (event_id) do nothing
				""")
			.param("id", event.id())
			.param("type", type)
			.param("topic", event.topic())
			.param("outcome", outcome.name())
			.update() == 1;
	}

	Optional<InboxOutcome> outcomeOf(UUID eventId) {
		return this.jdbc.sql("select outcome from processed_event where event_id = :id")
			.param("id", eventId)
			.query((rs, row) -> InboxOutcome.valueOf(rs.getString("outcome")))
			.optional();
	}

}
