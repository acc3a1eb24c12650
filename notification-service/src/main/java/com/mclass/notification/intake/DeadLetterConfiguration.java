package com.mclass.notification.intake;

import java.nio.charset.StandardCharsets;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens to a message the listener could not handle:
 * <ul>
 * <li>an {@link UnprocessableEvent} goes to {@code <topic>.DLT} at once, untried again, and the partition moves on;</li>
 * <li>a transient database failure is retried with a growing pause (up to 10 s) for as long as it lasts: every later
 * event on the partition would fail the same way, and dead-lettering them would lose their emails;</li>
 * <li>anything else (a bug) is tried twice more, then dead-lettered so it cannot block the partition.</li>
 * </ul>
 * Dead letters keep the original key and value and carry Spring Kafka's headers (exception class and message,
 * original topic, partition and offset) plus {@code mclass_dlt-reason}, the plain reason. The DLT topics are
 * provisioned with the event topics (local launcher, Terraform), like every topic of the platform: a service that
 * created topics at startup would wait on an unreachable broker before it could serve anything.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

	static final String SUFFIX = ".DLT";

	static final String REASON_HEADER = "mclass_dlt-reason";

	@Bean
	DefaultErrorHandler eventErrorHandler(KafkaOperations<?, ?> kafka) {
		// Partition -1: the producer picks one by key, so the DLT may have fewer partitions than its source topic.
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, failure) -> new TopicPartition(record.topic() + SUFFIX, -1));
		recoverer.addHeadersFunction((record, failure) -> {
			RecordHeaders headers = new RecordHeaders();
			headers.add(REASON_HEADER, reasonOf(failure).getBytes(StandardCharsets.UTF_8));
			return headers;
		});
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 2));
		handler.addNotRetryableExceptions(UnprocessableEvent.class);
		BackOff whileTheDatabaseIsDown = whileTheDatabaseIsDown();
		handler.setBackOffFunction((record, failure) -> isTransient(failure) ? whileTheDatabaseIsDown : null);
		handler.setRetryListeners(new RetryListener() {

			@Override
			public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
				log.warn("Could not handle {}-{}@{} (attempt {}): {}", record.topic(), record.partition(), record.offset(),
						deliveryAttempt, reasonOf(failure));
			}

			@Override
			public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
				log.warn("Dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
						record.topic() + SUFFIX, reasonOf(failure));
			}

			@Override
			public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
				log.error("Could not dead-letter {}-{}@{}; it will be tried again", record.topic(), record.partition(),
						record.offset(), failure);
			}

		});
		return handler;
	}

	private static BackOff whileTheDatabaseIsDown() {
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(10_000);
		return backOff;
	}

	static boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
					|| cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** The innermost message that says something, without the listener plumbing around it. */
	private static String reasonOf(Exception failure) {
		Throwable reason = failure;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnprocessableEvent) {
				return cause.getMessage();
			}
			reason = cause;
			if (cause.getCause() == cause) {
				break;
			}
		}
		return reason.getClass().getSimpleName() + ": " + reason.getMessage();
	}

}
