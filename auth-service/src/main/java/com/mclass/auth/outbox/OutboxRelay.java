package com.mclass.auth.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows to Kafka, oldest first. Every replica runs a relay, but a transaction-scoped advisory
 * lock lets only one publish at a time, which keeps each key's events in append order without coordination.
 * Delivery is at least once (a crash between Kafka's acknowledgement and the commit re-sends the batch); consumers
 * deduplicate by event id. While Kafka is unreachable rows wait and sign-ups keep committing.
 */
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** One relay per database at a time; auth-service owns its database, so one constant suffices. */
	private static final long RELAY_LOCK = 0x6d636c617373L;

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Producer<String, String> producer;

	private final OutboxProperties properties;

	private final Clock clock;

	private final Semaphore wakeUps = new Semaphore(0);

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong oldestAgeMillis = new AtomicLong();

	private final Counter published;

	private final Counter failures;

	private volatile boolean running;

	private Thread worker;

	private Instant cleanedAt = Instant.EPOCH;

	OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, Producer<String, String> producer, OutboxProperties properties,
			MeterRegistry meters, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.producer = producer;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("mclass.outbox.pending", this.pending, AtomicLong::get)
			.description("Outbox events committed but not yet acknowledged by Kafka")
			.register(meters);
		Gauge.builder("mclass.outbox.lag", this.oldestAgeMillis, (age) -> age.get() / 1000.0)
			.description("Age of the oldest unpublished outbox event")
			.baseUnit("seconds")
			.register(meters);
		this.published = Counter.builder("mclass.outbox.published").register(meters);
		this.failures = Counter.builder("mclass.outbox.failures")
			.description("Relay batches that Kafka did not acknowledge")
			.register(meters);
	}

	/** Asks the relay to look now instead of at its next poll. */
	void wakeUp() {
		if (this.wakeUps.availablePermits() == 0) {
			this.wakeUps.release();
		}
	}

	/**
	 * Publishes one batch if this instance holds the relay lock.
	 * @return how many events were published
	 */
	int relayOnce() {
		Integer count = this.transactions.execute((status) -> {
			Boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(?)").param(RELAY_LOCK).query(Boolean.class).single();
			if (!Boolean.TRUE.equals(locked)) {
				return 0;
			}
			List<PendingEvent> batch = this.jdbc
				.sql("select id, topic, message_key, payload, traceparent from outbox_event "
						+ "where published_at is null order by seq limit ?")
				.param(this.properties.batchSize())
				.query((rs, row) -> new PendingEvent(rs.getObject("id", UUID.class), rs.getString("topic"),
						rs.getString("message_key"), rs.getString("payload"), rs.getString("traceparent")))
				.list();
			if (batch.isEmpty()) {
				return 0;
			}
			send(batch);
			Timestamp now = Timestamp.from(this.clock.instant());
			for (PendingEvent event : batch) {
				this.jdbc.sql("update outbox_event set published_at = ? where id = ?").params(now, event.id()).update();
			}
			return batch.size();
		});
		return (count != null) ? count : 0;
	}

	private void send(List<PendingEvent> batch) {
		List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
		for (PendingEvent event : batch) {
			ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
			if (event.traceparent() != null) {
				record.headers().add("traceparent", event.traceparent().getBytes(StandardCharsets.US_ASCII));
			}
			acknowledgements.add(this.producer.send(record));
		}
		long deadline = System.nanoTime() + this.properties.sendTimeout().toNanos();
		for (int i = 0; i < batch.size(); i++) {
			try {
				acknowledgements.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
			}
			catch (Exception ex) {
				// The whole batch stays unpublished and is sent again: at least once, never lost.
				throw new IllegalStateException("Kafka did not acknowledge event " + batch.get(i).id(), ex);
			}
		}
		this.published.increment(batch.size());
	}

	private void run() {
		Duration backoff = this.properties.pollInterval();
		while (this.running) {
			try {
				int count = relayOnce();
				refreshMetricsAndCleanUp();
				backoff = this.properties.pollInterval();
				if (count < this.properties.batchSize()) {
					this.wakeUps.tryAcquire(this.properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
					this.wakeUps.drainPermits();
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
				this.failures.increment();
				log.warn("Outbox relay could not publish; retrying in {} ms", backoff.toMillis(), ex);
				try {
					Thread.sleep(backoff.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				backoff = (backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : backoff.multipliedBy(2);
			}
		}
	}

	private void refreshMetricsAndCleanUp() {
		Instant now = this.clock.instant();
		this.jdbc.sql("select count(*) as pending, min(created_at) as oldest from outbox_event where published_at is null")
			.query((rs) -> {
				this.pending.set(rs.getLong("pending"));
				Timestamp oldest = rs.getTimestamp("oldest");
				this.oldestAgeMillis.set((oldest != null) ? Math.max(0, Duration.between(oldest.toInstant(), now).toMillis()) : 0);
			});
		if (Duration.between(this.cleanedAt, now).compareTo(CLEANUP_INTERVAL) >= 0) {
			this.cleanedAt = now;
			this.jdbc.sql("delete from outbox_event where published_at < ?")
				.param(Timestamp.from(now.minus(this.properties.retention())))
				.update();
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.worker = new Thread(this::run, "outbox-relay");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.producer.close(Duration.ofSeconds(2));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private record PendingEvent(UUID id, String topic, String key, String payload, String traceparent) {
	}

}
