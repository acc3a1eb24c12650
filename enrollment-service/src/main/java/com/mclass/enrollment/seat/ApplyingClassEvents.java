package com.mclass.enrollment.seat;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies class-service's events to the ledger, each exactly once: the event id goes into the inbox in the same
 * transaction as its effect, so a redelivered event (a crash after commit, before the offset commit) is skipped.
 * Order within a class is Kafka's (one key, one partition); the class version protects against anything older
 * arriving later all the same.
 */
@Service
class ApplyingClassEvents {

	private static final Logger log = LoggerFactory.getLogger(ApplyingClassEvents.class);

	private final JdbcClient jdbc;

	private final SeatLedger ledger;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	ApplyingClassEvents(JdbcClient jdbc, SeatLedger ledger, JsonMapper json, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.json = json;
		this.events = events;
	}

	@Transactional
	public void apply(ClassEvent event) {
		UUID classId = event.classId();
		if (!firstDelivery(event, classId)) {
			log.debug("Skipped event {} ({}): already applied", event.id(), event.type());
			return;
		}
		switch (event.type()) {
			case ClassEvent.CLASS_CREATED, ClassEvent.CLASS_UPDATED -> adopt(event, classId);
			case ClassEvent.CLASS_DELETED -> this.ledger.markDeleted(classId, event.data().path("version").asLong(0));
			case ClassEvent.ENROLLMENT_FORM_PUBLISHED -> publishForm(event, classId);
			default -> log.debug("Ignored event {} of type {}", event.id(), event.type());
		}
	}

	private void adopt(ClassEvent event, UUID classId) {
		ClassData data = event.classData(this.json);
		ClassSnapshot snapshot;
		try {
			snapshot = data.toSnapshot(classId);
		}
		catch (IllegalArgumentException ex) {
			throw new ClassEvent.MalformedClassEvent("Event " + event.id() + ": " + ex.getMessage(), ex);
		}
		this.ledger.adopt(snapshot, event.id());
		this.events.publishEvent(new ClassAdopted(classId, snapshot.version(), event.data()));
		if (data.form() != null && data.form().version() != null && data.form().questions() != null) {
			this.ledger.publishForm(classId, data.form().version(), data.form().questions());
		}
	}

	private void publishForm(ClassEvent event, UUID classId) {
		PublishedForm form = event.form(this.json);
		if (form.version() == null || form.questions() == null || !form.questions().isArray()) {
			throw new ClassEvent.MalformedClassEvent("Event " + event.id() + " carries no form version and questions", null);
		}
		try {
			this.ledger.publishForm(classId, form.version(), form.questions());
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new ClassEvent.MalformedClassEvent("Event " + event.id() + " carries unreadable questions", ex);
		}
	}

	private boolean firstDelivery(ClassEvent event, UUID classId) {
		return this.jdbc.sql("INSERT INTO processed_class_event (event_id, type, class_id) VALUES (?, ?, ?) "
				+ "ON CONFLICT (event_id) DO NOTHING")
			.params(event.id(), event.type(), classId)
			.update() == 1;
	}

}
