package com.mclass.notification.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.mclass.notification.mail.EmailType;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * The email outbox (the plan's EmailOutbox): every email the service owes, from the moment the event is accepted
 * until the SMTP server takes it or it is given up. When an email is due and how long a lease holds are reckoned by
 * the service's {@link Clock} (UTC): injectable, so that the retry schedule can be tested at its real length of minutes
 * and hours. Replicas run on NTP-synchronised hosts; a skew of a few seconds shifts a retry by as much, far inside the
 * lease (a sender stops using a batch after half of it). Creation times and the pending age shown in metrics stay on the
 * database's clock.
 */
@Repository
public class EmailOutbox {

	private static final int MAX_ERROR_LENGTH = 2000;

	private static final String VIEW_COLUMNS = "id, event_id, type, recipient, locale, subject, template, status, attempts, "
			+ "error, next_try_at, processed_at, created_at, updated_at";

	private final JdbcClient jdbc;

	private final NewMailSignal signal;

	private final Clock clock;

	EmailOutbox(JdbcClient jdbc, NewMailSignal signal, Clock clock) {
		this.jdbc = jdbc;
		this.signal = signal;
		this.clock = clock;
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	/**
	 * Adds an email due now. Must run in the transaction that records its event in the inbox: both rows commit
	 * together or neither does, which is what makes one event one email. The sender is woken after that commit.
	 */
	public UUID queue(QueuedEmail email) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("EmailOutbox.queue must run inside the transaction that records the event");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into email_outbox (id, event_id, type, recipient, locale, subject, template, payload, html_body,
				                          text_body, traceparent, next_try_at, updated_at)
				values (:id, :eventId, :type, :recipient, :locale, :subject, :template, cast(:payload as jsonb), :html,
				        :text, :traceparent, :now, :now)
				""")
			.param("now", now())
			.param("id", id)
			.param("eventId", email.eventId())
			.param("type", email.type().name())
			.param("recipient", email.recipient())
			.param("locale", email.locale())
			.param("subject", email.mail().subject())
			.param("template", email.mail().template())
			.param("payload", email.payload())
			.param("html", email.mail().html())
			.param("text", email.mail().text())
			.param("traceparent", email.traceparent())
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				EmailOutbox.this.signal.ring();
			}
		});
		return id;
	}

	/**
	 * Leases up to {@code limit} due emails to the caller and commits at once (this statement is its own
	 * transaction), so no row lock is held while the caller talks SMTP. {@code SKIP LOCKED} lets replicas claim side
	 * by side without waiting on each other; the lease keeps the claimed rows away from them until it runs out.
	 */
	List<ClaimedEmail> claimDue(int limit, Duration lease) {
		return this.jdbc.sql("""
				update email_outbox e
				   set locked_until = cast(:now as timestamptz) + make_interval(secs => :leaseSeconds), updated_at = :now
				  from (select id from email_outbox
				         where status = 'PENDING' and next_try_at <= :now
				           and (locked_until is null or locked_until <= :now)
				         order by next_try_at
				         limit :limit
				           for update skip locked) due
				 where e.id = due.id
				returning e.id, e.event_id, e.type, e.recipient, e.subject, e.html_body, e.text_body, e.attempts,
				          e.traceparent
				""")
			.param("now", now())
			.param("leaseSeconds", lease.toMillis() / 1000.0)
			.param("limit", limit)
			.query((rs, row) -> new ClaimedEmail(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
					EmailType.valueOf(rs.getString("type")), rs.getString("recipient"), rs.getString("subject"),
					rs.getString("html_body"), rs.getString("text_body"), rs.getInt("attempts"), rs.getString("traceparent")))
			.list();
	}

	/** @return {@code false} when the row was no longer pending (an admin cannot un-send, so this stays rare) */
	boolean markSent(UUID id) {
		return this.jdbc.sql("""
				update email_outbox
				   set status = 'SENT', attempts = attempts + 1, processed_at = :now, locked_until = null, updated_at = :now
				 where id = :id and status = 'PENDING'
				""").param("now", now()).param("id", id).update() == 1;
	}

	/** Records a failed attempt and schedules the next one, or gives the email up when the schedule is exhausted. */
	EmailStatus recordFailure(ClaimedEmail email, String error, RetrySchedule schedule) {
		int failedAttempts = email.attempts() + 1;
		Optional<Duration> delay = schedule.delayAfter(failedAttempts);
		String reason = (error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error;
		if (delay.isPresent()) {
			this.jdbc.sql("""
					update email_outbox
					   set attempts = :attempts, error = :error,
					       next_try_at = cast(:now as timestamptz) + make_interval(secs => :delaySeconds),
					       locked_until = null, updated_at = :now
					 where id = :id and status = 'PENDING'
					""")
				.param("now", now())
				.param("attempts", failedAttempts)
				.param("error", reason)
				.param("delaySeconds", delay.get().toMillis() / 1000.0)
				.param("id", email.id())
				.update();
			return EmailStatus.PENDING;
		}
		this.jdbc.sql("""
				update email_outbox
				   set status = 'FAILED', attempts = :attempts, error = :error, locked_until = null, updated_at = :now
				 where id = :id and status = 'PENDING'
				""").param("now", now()).param("attempts", failedAttempts).param("error", reason).param("id", email.id()).update();
		return EmailStatus.FAILED;
	}

	/** Hands leased but unsent emails back at once rather than when their lease runs out. */
	void release(List<UUID> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("update email_outbox set locked_until = null, updated_at = :now where id in (:ids) and status = 'PENDING'")
				.param("now", now())
				.param("ids", ids)
				.update();
		}
	}

	/**
	 * Makes a FAILED or PENDING email due now, keeping its attempt count (so a retried FAILED email that fails again
	 * is given up again at once). A PENDING email keeps its lease: a sender may be delivering it right now, and
	 * clearing the lease would let a second sender deliver it too.
	 * @throws ApiException NOT_FOUND for an unknown id, EMAIL_ALREADY_SENT for a SENT email
	 */
	public EmailView retry(UUID id) {
		int updated = this.jdbc.sql("""
				update email_outbox
				   set status = 'PENDING', next_try_at = :now, updated_at = :now,
				       locked_until = case when status = 'FAILED' then null else locked_until end
				 where id = :id and status in ('PENDING', 'FAILED')
				""").param("now", now()).param("id", id).update();
		if (updated == 0) {
			EmailView email = find(id).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
			if (email.status() == EmailStatus.SENT) {
				throw new ApiException(EmailErrorCode.EMAIL_ALREADY_SENT);
			}
		}
		this.signal.ring();
		return find(id).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
	}

	public Optional<EmailView> find(UUID id) {
		return this.jdbc.sql("select " + VIEW_COLUMNS + " from email_outbox where id = :id")
			.param("id", id)
			.query(EmailOutbox::view)
			.optional();
	}

	public Optional<EmailView> findByEvent(UUID eventId) {
		return this.jdbc.sql("select " + VIEW_COLUMNS + " from email_outbox where event_id = :eventId")
			.param("eventId", eventId)
			.query(EmailOutbox::view)
			.optional();
	}

	public EmailPage search(EmailSearch search) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (search.status() != null) {
			where.append(" and status = :status");
			params.put("status", search.status().name());
		}
		if (search.type() != null) {
			where.append(" and type = :type");
			params.put("type", search.type().name());
		}
		if (search.recipient() != null && !search.recipient().isBlank()) {
			where.append(" and lower(recipient) = lower(:recipient)");
			params.put("recipient", search.recipient().strip());
		}
		Long total = this.jdbc.sql("select count(*) from email_outbox" + where).params(params).query(Long.class).single();
		List<EmailView> emails = this.jdbc
			.sql("select " + VIEW_COLUMNS + " from email_outbox" + where + " order by created_at desc, id limit :limit offset :offset")
			.params(params)
			.param("limit", search.size())
			.param("offset", (long) search.page() * search.size())
			.query(EmailOutbox::view)
			.list();
		return new EmailPage(emails, search.page(), search.size(), total);
	}

	public OutboxStats stats() {
		return this.jdbc.sql("""
				select count(*) filter (where status = 'PENDING') as pending,
				       count(*) filter (where status = 'FAILED') as failed,
				       count(*) filter (where status = 'SENT') as sent,
				       coalesce(extract(epoch from now() - min(created_at) filter (where status = 'PENDING')), 0) as oldest
				  from email_outbox
				""")
			.query((rs, row) -> new OutboxStats(rs.getLong("pending"), rs.getLong("failed"), rs.getLong("sent"),
					(long) Math.floor(rs.getDouble("oldest"))))
			.single();
	}

	/** What the gauges show; reads only pending rows, which the partial index keeps cheap however large the table. */
	PendingSummary pending() {
		return this.jdbc.sql("""
				select count(*) as pending, coalesce(extract(epoch from now() - min(created_at)), 0) as oldest
				  from email_outbox where status = 'PENDING'
				""").query((rs, row) -> new PendingSummary(rs.getLong("pending"), rs.getDouble("oldest"))).single();
	}

	private static EmailView view(ResultSet rs, int row) throws SQLException {
		return new EmailView(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
				EmailType.valueOf(rs.getString("type")), rs.getString("recipient"), rs.getString("locale"),
				rs.getString("subject"), rs.getString("template"), EmailStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), rs.getString("error"), instant(rs, "next_try_at"), instant(rs, "processed_at"),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	record PendingSummary(long count, double oldestAgeSeconds) {
	}

}
