package com.mclass.platform.events;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows to Kafka, oldest first. Any number of replicas may run it: a transaction-scoped
 * advisory lock lets one relay at a time, which keeps every key's events in append order without coordination.
 * Delivery is at least once (a crash between Kafka's ack and the commit re-sends a batch); consumers deduplicate by
 * event id. While Kafka is unreachable the rows simply wait, and the service keeps committing changes.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** One relay per database at a time; each service owns its database, so one constant suffices. */
	private static final long RELAY_LOCK = 0x6d636c617373L;

	private static final Duration METRICS_REFRESH = Duration.ofSeconds(1);

	private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	/** Makes the Kafka producer: a new one at each start, since a stop closes it (and a context may be started again). */
	private final Supplier<Producer<String, String>> producers;

	private Producer<String, String> producer;

	private final OutboxProperties properties;

	private final Clock clock;

	private final Semaphore wakeUps = new Semaphore(0);

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong oldestAgeMillis = new AtomicLong();

	private final Timer publishDelay;

	private final Counter published;

	private final Counter failures;

	private volatile boolean running;

	private Thread worker;

	private Instant metricsRefreshedAt = Instant.EPOCH;

	private Instant cleanedAt = Instant.EPOCH;

	OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, Supplier<Producer<String, String>> producers,
			OutboxProperties properties, MeterRegistry meters, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.producers = producers;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("mclass.outbox.pending", this.pending, AtomicLong::get)
			.description("Outbox events committed but not yet acknowledged by Kafka")
			.register(meters);
		Gauge.builder("mclass.outbox.lag", this.oldestAgeMillis, (age) -> age.get() / 1000.0)
			.description("Age of the oldest unpublished outbox event")
			.baseUnit("seconds")
			.register(meters);
		this.publishDelay = Timer.builder("mclass.outbox.publish.delay")
			.description("From the event's append to Kafka's acknowledgement")
			.publishPercentiles(0.5, 0.95, 0.99)
			.register(meters);
		this.published = Counter.builder("mclass.outbox.published").register(meters);
		this.failures = Counter.builder("mclass.outbox.failures").description("Relay batches that Kafka did not acknowledge").register(meters);
	}

	/** Asks the relay to look now instead of at its next poll. */
	public void wakeUp() {
		if (this.wakeUps.availablePermits() == 0) {
			this.wakeUps.release();
		}
	}

	/**
	 * Publishes one batch if this instance holds the relay lock.
	 * @return how many events were published
	 */
	public int relayOnce() {
		Integer count = this.transactions.execute((status) -> {
			Boolean locked = this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK);
			if (!Boolean.TRUE.equals(locked)) {
				return 0;
			}
			List<PendingEvent> batch = this.jdbc.query(
					"select id, topic, message_key, payload, traceparent, created_at from outbox_event "
							+ "where published_at is null order by seq limit ?",
					(rs, row) -> new PendingEvent(rs.getObject("id", UUID.class), rs.getString("topic"), rs.getString("message_key"),
							rs.getString("payload"), rs.getString("traceparent"), rs.getTimestamp("created_at").toInstant()),
					this.properties.batchSize());
			if (batch.isEmpty()) {
				return 0;
			}
			send(batch);
			Timestamp now = Timestamp.from(this.clock.instant());
			this.jdbc.batchUpdate("update outbox_event set published_at = ? where id = ?",
					batch.stream().map((event) -> new Object[] { now, event.id() }).toList());
			return batch.size();
		});
		return (count != null) ? count : 0;
	}

	private synchronized Producer<String, String> producer() {
		if (this.producer == null) {
			this.producer = this.producers.get();
		}
		return this.producer;
	}

	private void send(List<PendingEvent> batch) {
		Producer<String, String> producer = producer();
		List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
		for (PendingEvent event : batch) {
			ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
			if (event.traceparent() != null) {
				record.headers().add("traceparent", event.traceparent().getBytes(StandardCharsets.US_ASCII));
			}
			Future<RecordMetadata> acknowledgement = producer.send(record);
			if (acknowledgement.isDone()) {
				// Failed before leaving the client (no metadata: the broker is unreachable); the rest would wait the same.
				awaitAcknowledgement(acknowledgement, event, 0);
			}
			acknowledgements.add(acknowledgement);
		}
		long deadline = System.nanoTime() + this.properties.sendTimeout().toNanos();
		for (int i = 0; i < batch.size(); i++) {
			awaitAcknowledgement(acknowledgements.get(i), batch.get(i), Math.max(0, deadline - System.nanoTime()));
			this.publishDelay.record(Duration.between(batch.get(i).createdAt(), this.clock.instant()));
		}
		this.published.increment(batch.size());
	}

	private static void awaitAcknowledgement(Future<RecordMetadata> acknowledgement, PendingEvent event, long timeoutNanos) {
		try {
			acknowledgement.get(timeoutNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not acknowledge event " + event.id(), ex);
		}
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
				refreshMetricsQuietly();
				try {
					Thread.sleep(backoff.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				backoff = min(backoff.multipliedBy(2), this.properties.maxBackoff());
			}
		}
	}

	private void refreshMetricsAndCleanUp() {
		Instant now = this.clock.instant();
		if (Duration.between(this.metricsRefreshedAt, now).compareTo(METRICS_REFRESH) >= 0) {
			refreshMetricsQuietly();
		}
		if (Duration.between(this.cleanedAt, now).compareTo(CLEANUP_INTERVAL) >= 0) {
			this.cleanedAt = now;
			this.jdbc.update("delete from outbox_event where published_at < ?", Timestamp.from(now.minus(this.properties.retention())));
		}
	}

	private void refreshMetricsQuietly() {
		try {
			this.metricsRefreshedAt = this.clock.instant();
			this.jdbc.query("select count(*) as pending, min(created_at) as oldest from outbox_event where published_at is null",
					(rs) -> {
						this.pending.set(rs.getLong("pending"));
						Timestamp oldest = rs.getTimestamp("oldest");
						this.oldestAgeMillis.set((oldest != null)
								? Math.max(0, Duration.between(oldest.toInstant(), this.clock.instant()).toMillis()) : 0);
					});
		}
		catch (RuntimeException ex) {
			log.debug("Could not refresh outbox metrics", ex);
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
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
				thread.join(this.properties.sendTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		closeProducer();
	}

	/**
	 * Closed at stop and made anew when needed after a start: Spring pauses cached test contexts (stop) and starts them
	 * again on reuse, and a closed Kafka producer cannot send again.
	 */
	private synchronized void closeProducer() {
		if (this.producer != null) {
			this.producer.close(Duration.ofSeconds(2));
			this.producer = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private record PendingEvent(UUID id, String topic, String key, String payload, String traceparent, Instant createdAt) {
	}

}
