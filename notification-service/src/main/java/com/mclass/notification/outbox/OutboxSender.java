package com.mclass.notification.outbox;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import com.mclass.notification.NotificationProperties;
import com.mclass.notification.mail.EmailType;

/**
 * Drains the outbox over SMTP. Each round claims a small batch with a lease and commits, then sends outside any
 * transaction, over one SMTP connection per batch ({@link SmtpSession}): no row lock is held while the SMTP server
 * takes its time, and replicas never wait on each other. One thread per replica: mail never competes with the
 * enrolling hot path for more than that.
 * <p>
 * No email is sent twice while its lease holds, and a sender stops working through a batch once half the lease has
 * passed (releasing the rest), so with the SMTP timeouts far below half the lease a lease never runs out under a
 * send. The one accepted duplicate: the SMTP server took an email but recording SENT failed (database gone, process
 * killed between the two); the lease then runs out and another attempt sends it again. Every attempt carries the same
 * {@code Message-ID}, which lets receiving systems recognise the repeat.
 * <p>
 * Each send runs in an observation whose parent is the trace context stored with the email, so its span and log
 * lines continue the trace that began at the gateway, although the listener's span ended long before.
 */
@Component
class OutboxSender implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final Duration METRICS_REFRESH = Duration.ofSeconds(1);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final EmailOutbox outbox;

	private final JavaMailSender mail;

	private final NotificationProperties.Sender settings;

	private final RetrySchedule retries;

	private final InternetAddress from;

	private final NewMailSignal signal;

	private final MeterRegistry meters;

	private final ObservationRegistry observations;

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong oldestPendingMillis = new AtomicLong();

	private volatile boolean running;

	private volatile boolean stopping;

	private Thread worker;

	private long metricsRefreshedAt;

	OutboxSender(EmailOutbox outbox, JavaMailSender mail, NotificationProperties properties, NewMailSignal signal,
			MeterRegistry meters, ObservationRegistry observations) {
		this.outbox = outbox;
		this.mail = mail;
		this.settings = properties.sender();
		this.retries = new RetrySchedule(properties.retryDelays());
		this.signal = signal;
		this.meters = meters;
		this.observations = observations;
		try {
			this.from = new InternetAddress(properties.mailFrom(), properties.mailFromName(), "UTF-8");
			this.from.validate();
		}
		catch (UnsupportedEncodingException | MessagingException ex) {
			throw new IllegalStateException("mclass.notification.mail-from is not an email address", ex);
		}
		Gauge.builder("mclass.notification.pending", this.pending, AtomicLong::get)
			.description("Emails waiting to be sent (first try or retry)")
			.register(meters);
		Gauge.builder("mclass.notification.oldest.pending.age", this.oldestPendingMillis, (age) -> age.get() / 1000.0)
			.description("How long the oldest unsent email has waited")
			.baseUnit("seconds")
			.register(meters);
		// At zero from the start: a series born with its first failure hides that failure from increase() and rate(),
		// so an alert on failed emails would miss the first one.
		for (EmailType type : EmailType.values()) {
			for (String outcome : new String[] { "mclass.notification.sent", "mclass.notification.failed", "mclass.notification.retried" }) {
				meters.counter(outcome, "type", type.name());
			}
		}
	}

	/**
	 * Claims one batch of due emails and delivers it.
	 * @return how many emails were claimed
	 */
	int sendDue() {
		List<ClaimedEmail> batch = this.outbox.claimDue(this.settings.batchSize(), this.settings.lease());
		long stopBy = System.nanoTime() + this.settings.lease().toNanos() / 2;
		try (SmtpSession smtp = new SmtpSession(this.mail)) {
			for (int i = 0; i < batch.size(); i++) {
				if (this.stopping || System.nanoTime() > stopBy) {
					this.outbox.release(batch.subList(i, batch.size()).stream().map(ClaimedEmail::id).toList());
					break;
				}
				deliver(batch.get(i), smtp);
			}
		}
		return batch.size();
	}

	private void deliver(ClaimedEmail email, SmtpSession smtp) {
		Observation observation = Observation
			.createNotStarted("mclass.notification.email.send", () -> continuing(email.traceparent()), this.observations)
			.contextualName("email send")
			.lowCardinalityKeyValue("email.type", email.type().name())
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			try {
				smtp.send(message(email));
			}
			catch (MailException | MessagingException ex) {
				observation.error(ex);
				failed(email, ex);
				return;
			}
			boolean recorded = this.outbox.markSent(email.id());
			this.meters.counter("mclass.notification.sent", "type", email.type().name()).increment();
			log.info("Sent email {} ({}) for event {} on attempt {}", email.id(), email.type(), email.eventId(),
					email.attempts() + 1);
			if (!recorded) {
				log.warn("Email {} was sent but was no longer pending when its status was recorded", email.id());
			}
		}
		finally {
			observation.stop();
		}
	}

	private void failed(ClaimedEmail email, Exception failure) {
		String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		EmailStatus status = this.outbox.recordFailure(email, error, this.retries);
		if (status == EmailStatus.FAILED) {
			this.meters.counter("mclass.notification.failed", "type", email.type().name()).increment();
			log.error("Gave up email {} ({}) for event {} after {} attempts: {}", email.id(), email.type(), email.eventId(),
					email.attempts() + 1, error);
		}
		else {
			this.meters.counter("mclass.notification.retried", "type", email.type().name()).increment();
			log.warn("Could not send email {} ({}) on attempt {} of {}; will retry: {}", email.id(), email.type(),
					email.attempts() + 1, this.retries.maxAttempts(), error);
		}
	}

	private MimeMessage message(ClaimedEmail email) throws MessagingException {
		Session session = this.mail.createMimeMessage().getSession();
		MimeMessage message = new IdentifiedMessage(session, "<" + email.id() + "@notification.mclass>");
		message.setFrom(this.from);
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.recipient(), true));
		message.setSubject(email.subject(), "UTF-8");
		message.setHeader("X-MClass-Email-Id", email.id().toString());
		MimeBodyPart text = new MimeBodyPart();
		text.setText(email.text(), "UTF-8", "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(email.html(), "UTF-8", "html");
		// Plain text first: clients show the last alternative they understand.
		message.setContent(new MimeMultipart("alternative", text, html));
		message.setSentDate(new Date());
		return message;
	}

	/** A receiver context carrying the stored {@code traceparent}: the send becomes a child of the event's trace. */
	private static ReceiverContext<Map<String, String>> continuing(String traceparent) {
		ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key));
		context.setCarrier((traceparent != null) ? Map.of("traceparent", traceparent) : Map.of());
		context.setRemoteServiceName("smtp");
		return context;
	}

	private void run() {
		Duration backoff = this.settings.pollInterval();
		while (this.running) {
			try {
				int claimed = sendDue();
				refreshMetrics(false);
				backoff = this.settings.pollInterval();
				if (claimed < this.settings.batchSize()) {
					this.signal.await(this.settings.pollInterval());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return;
				}
				// The database is unreachable: claimed emails wait for their lease, new ones for the next round.
				log.warn("Email sender round failed; trying again in {} ms", backoff.toMillis(), ex);
				refreshMetrics(true);
				try {
					Thread.sleep(backoff.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				backoff = (backoff.multipliedBy(2).compareTo(MAX_BACKOFF) < 0) ? backoff.multipliedBy(2) : MAX_BACKOFF;
			}
		}
	}

	private void refreshMetrics(boolean quietly) {
		long now = System.nanoTime();
		if (now - this.metricsRefreshedAt < METRICS_REFRESH.toNanos()) {
			return;
		}
		this.metricsRefreshedAt = now;
		try {
			EmailOutbox.PendingSummary summary = this.outbox.pending();
			this.pending.set(summary.count());
			this.oldestPendingMillis.set((long) (summary.oldestAgeSeconds() * 1000));
		}
		catch (RuntimeException ex) {
			if (!quietly) {
				throw ex;
			}
			log.debug("Could not refresh the outbox gauges", ex);
		}
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.enabled();
	}

	@Override
	public void start() {
		this.running = true;
		this.stopping = false;
		this.worker = new Thread(this::run, "email-sender");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	/**
	 * Lets the email in flight finish (interrupting JavaMail mid-conversation would leave the server's answer unknown,
	 * a duplicate in waiting) and hands the rest of the batch back.
	 */
	@Override
	public void stop() {
		this.stopping = true;
		this.running = false;
		this.signal.ring();
		Thread thread = this.worker;
		if (thread != null) {
			try {
				thread.join(Duration.ofSeconds(30).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Every attempt at one email carries the same Message-ID. */
	private static final class IdentifiedMessage extends MimeMessage {

		private final String messageId;

		IdentifiedMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
