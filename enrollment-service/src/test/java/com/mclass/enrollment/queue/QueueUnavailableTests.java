package com.mclass.enrollment.queue;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import com.mclass.platform.web.CommonErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

class QueueUnavailableTests {

	@Test
	void isAServiceUnavailableWithRetryAfterThatKeepsRedisFailureOutOfTheClientsMessage() {
		QueueUnavailable unavailable = new QueueUnavailable(new ConnectException("Connection refused: redis/10.0.0.7:6379"));

		assertThat(unavailable.errorCode()).isEqualTo(CommonErrorCode.SERVICE_UNAVAILABLE);
		assertThat(unavailable.retryAfterSeconds()).hasValue(2);
		// The platform's handler answers with the code's localized text when the message is the code's own.
		assertThat(unavailable.getMessage()).isEqualTo(CommonErrorCode.SERVICE_UNAVAILABLE.defaultMessage());
		assertThat(unavailable.getCause()).isNull();
		assertThat(unavailable.failure()).contains("Connection refused: redis/10.0.0.7:6379");
		assertThat(unavailable).hasToString(QueueUnavailable.class.getName() + ": " + unavailable.failure());
	}

}
