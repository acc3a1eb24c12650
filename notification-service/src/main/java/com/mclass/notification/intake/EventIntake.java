package com.mclass.notification.intake;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.notification.mail.ComposedMail;
import com.mclass.notification.mail.MailTemplates;
import com.mclass.notification.mail.Notice;
import com.mclass.notification.outbox.EmailOutbox;
import com.mclass.notification.outbox.QueuedEmail;

/**
 * Takes one event off a topic: decides what it asks for, renders the email, and records the event in the inbox and
 * the email in the outbox in one transaction. A redelivered or duplicated event finds its id in the inbox and stops
 * there, so however often an event arrives it yields one email.
 */
@Component
class EventIntake {

	private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

	private final Inbox inbox;

	private final EmailOutbox outbox;

	private final MailTemplates templates;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	private final ObjectProvider<Tracer> tracer;

	private final ObjectProvider<Propagator> propagator;

	EventIntake(Inbox inbox, EmailOutbox outbox, MailTemplates templates, TransactionTemplate transactions,
			ObjectMapper json, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.inbox = inbox;
		this.outbox = outbox;
		this.templates = templates;
		this.transactions = transactions;
		this.json = json;
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * @throws UnprocessableEvent when the message breaks the contract (it then goes to the dead-letter topic)
	 */
	void receive(String topic, String value, String traceparentHeader) {
		IncomingEvent event = IncomingEvent.read(topic, value, traceparentHeader, this.json);
		Decision decision = decide(event);
		// Rendered before the transaction: templates are pure, and the inbox row is then locked only for two inserts.
		ComposedMail mail = (decision.notice() != null) ? this.templates.compose(decision.notice()) : null;
		String current = currentTraceparent();
		String traceparent = (current != null) ? current : event.traceparent();
		boolean first = Boolean.TRUE.equals(this.transactions.execute((status) -> {
			if (!this.inbox.remember(event, decision.outcome())) {
				return false;
			}
			if (mail != null) {
				Notice notice = decision.notice();
				this.outbox.queue(new QueuedEmail(event.id(), notice.type(), notice.recipient().email(),
						notice.recipient().locale().getLanguage(), mail, value, traceparent));
			}
			return true;
		}));
		if (!first) {
			log.info("Event {} ({}) was already handled; this delivery is ignored", event.id(), event.type());
		}
		else if (decision.outcome() == InboxOutcome.IGNORED) {
			log.info("Event {} has a type this service does not handle ({}); recorded and ignored", event.id(), event.type());
		}
		else {
			log.info("Event {} ({}) handled: {}", event.id(), event.type(), decision.outcome());
		}
	}

	private static Decision decide(IncomingEvent event) {
		if (EnrollmentEvents.isEnrollmentEvent(event.type())) {
			return new Decision(InboxOutcome.EMAIL_QUEUED, EnrollmentEvents.notice(event));
		}
		return switch (event.type()) {
			case UserEvents.USER_REGISTERED -> new Decision(InboxOutcome.EMAIL_QUEUED, UserEvents.welcome(event));
			case UserEvents.SIGNUP_COMPLETED -> new Decision(InboxOutcome.NO_EMAIL, null);
			case UserEvents.EMAIL_VERIFICATION_REQUESTED -> new Decision(InboxOutcome.EMAIL_QUEUED, UserEvents.verification(event));
			case UserEvents.PASSWORD_RESET_REQUESTED -> new Decision(InboxOutcome.EMAIL_QUEUED, UserEvents.passwordReset(event));
			default -> new Decision(InboxOutcome.IGNORED, null);
		};
	}

	/**
	 * The span this event is handled in (the Kafka listener's, a child of the producer's), as a W3C traceparent written
	 * by the tracing library's propagator (as platform-events' outbox writes it).
	 */
	private String currentTraceparent() {
		Tracer current = this.tracer.getIfAvailable();
		Propagator w3c = this.propagator.getIfAvailable();
		Span span = (current != null) ? current.currentSpan() : null;
		if (span == null || w3c == null) {
			return null;
		}
		TraceContext context = span.context();
		if (context.traceId() == null || context.traceId().isEmpty() || context.traceId().matches("0+")) {
			return null;
		}
		Map<String, String> headers = new HashMap<>();
		w3c.inject(context, headers, Map::put);
		return headers.get("traceparent");
	}

	private record Decision(InboxOutcome outcome, Notice notice) {
	}

}
