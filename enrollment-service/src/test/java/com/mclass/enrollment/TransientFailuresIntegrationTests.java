package com.mclass.enrollment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.mclass.enrollment.idempotency.RedisIdempotencyRecords;
import com.mclass.platform.web.ApiErrorResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresIntegrationTests extends EnrollmentIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	TransientFailures transientFailures;

	@Test
	void redisUnreachableForAnIdempotencyKeyAnswers503WithRetryAfter() {
		ResponseEntity<ApiErrorResponse> answer = this.transientFailures.redisUnavailable(
				new RedisIdempotencyRecords.RedisUnavailable(new IllegalStateException("connection refused")));

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(answer.getBody().error().code()).isEqualTo("SERVICE_UNAVAILABLE");
	}

	@Test
	void aLedgerRowHeldLongerThanTheLockTimeoutAnswers503AndWritesNothing() throws SQLException {
		UUID classId = this.classes.open(Classes.firstCome(5, 0));
		// Another transaction (an operator's migration, a stuck session) holds the class's ledger row.
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM seat_ledger WHERE class_id = ? FOR UPDATE")) {
				lock.setObject(1, classId);
				lock.executeQuery().close();
			}
			Api.Response response = enroll(classId, student(UUID.randomUUID()), "{}");

			assertThat(response.status()).isEqualTo(503);
			assertThat(response.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(response.header("Retry-After")).hasValue("1");
			holder.rollback();
		}
		assertThat(countsByStatus(classId)).isEmpty();
		assertThat(assertInvariants(classId).approved()).isZero();
	}

}
