package com.mclass.enrollment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresIntegrationTests extends EnrollmentIntegrationTest {

	@Autowired
	DataSource dataSource;

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
			holder.rollback();
		}
		assertThat(countsByStatus(classId)).isEmpty();
		assertThat(assertInvariants(classId).approved()).isZero();
	}

}
