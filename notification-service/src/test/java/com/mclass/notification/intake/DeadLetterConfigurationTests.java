package com.mclass.notification.intake;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures wait for the database to come back, and which go to the dead-letter topic. */
class DeadLetterConfigurationTests {

	@Test
	void databaseOutagesAndContentionAreTransientHoweverWrapped() {
		assertThat(DeadLetterConfiguration.isTransient(new CannotGetJdbcConnectionException("down"))).isTrue();
		assertThat(DeadLetterConfiguration.isTransient(new CannotAcquireLockException("lock"))).isTrue();
		assertThat(DeadLetterConfiguration.isTransient(new ListenerExecutionFailedException("listener",
				new CannotCreateTransactionException("no connection", new SQLTransientConnectionException("timeout")))))
			.isTrue();
	}

	@Test
	void brokenEventsAndBugsAreNot() {
		assertThat(DeadLetterConfiguration.isTransient(new ListenerExecutionFailedException("listener",
				new UnprocessableEvent("data.recipient.email is missing")))).isFalse();
		assertThat(DeadLetterConfiguration.isTransient(new DataIntegrityViolationException("constraint"))).isFalse();
		assertThat(DeadLetterConfiguration.isTransient(new IllegalStateException("bug"))).isFalse();
	}

}
