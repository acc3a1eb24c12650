package com.mclass.enrollment;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the integration tests share: the running service over HTTP, classes announced through Kafka, and the
 * database to check invariants against.
 */
@EnrollmentServiceIntegrationTest
public abstract class EnrollmentIntegrationTest {

	@LocalServerPort
	protected int port;

	/** Actuator (probes, metrics) listens on its own port, random in tests. */
	@LocalManagementPort
	protected int managementPort;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected KafkaTemplate<Object, Object> kafka;

	protected Api api;

	/** The actuator's side: {@code /actuator/prometheus} and the probes. */
	protected Api management;

	protected Classes classes;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.management = new Api(this.managementPort);
		this.classes = new Classes(this.kafka, this.jdbc);
	}

	protected static String student(UUID userId) {
		return TestTokens.user(userId);
	}

	protected Api.Response enroll(UUID classId, String token, String answersJson) {
		return enroll(classId, token, UUID.randomUUID().toString(), answersJson);
	}

	protected Api.Response enroll(UUID classId, String token, String idempotencyKey, String answersJson) {
		return this.api.post("/api/mclasses/" + classId + "/enrollments")
			.token(token)
			.idempotencyKey(idempotencyKey)
			.json("{\"answers\":" + answersJson + "}")
			.send();
	}

	protected Api.Response cancel(UUID classId, UUID enrollmentId, String token) {
		return this.api.delete("/api/mclasses/" + classId + "/enrollments/" + enrollmentId).token(token).send();
	}

	/** Real counts of the class's enrollments by status. */
	protected Map<String, Integer> countsByStatus(UUID classId) {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc.query("SELECT status, count(*) AS n FROM enrollment WHERE mclass_id = ? GROUP BY status",
				(rs) -> {
					counts.put(rs.getString("status"), rs.getInt("n"));
				}, classId);
		return counts;
	}

	protected Ledger ledger(UUID classId) {
		return this.jdbc.queryForObject(
				"SELECT capacity, waitlist_capacity, approved, waitlisted, applied, offered FROM seat_ledger WHERE class_id = ?",
				(rs, row) -> new Ledger(rs.getInt("capacity"), rs.getInt("waitlist_capacity"), rs.getInt("approved"),
						rs.getInt("waitlisted"), rs.getInt("applied"), rs.getInt("offered")),
				classId);
	}

	/**
	 * The invariants of docs/architecture.md ("Invariants"): counters equal the real counts (OFFERED included), nobody beyond
	 * capacity (a seat is approved or offered, never both), and nobody waiting next to a free seat — a seat that is neither
	 * approved nor offered while students wait is a lost seat.
	 */
	protected Ledger assertInvariants(UUID classId) {
		Ledger ledger = ledger(classId);
		Map<String, Integer> counts = countsByStatus(classId);
		assertThat(ledger.approved()).as("approved counter").isEqualTo(counts.getOrDefault("APPROVED", 0));
		assertThat(ledger.waitlisted()).as("waitlisted counter").isEqualTo(counts.getOrDefault("WAITLISTED", 0));
		assertThat(ledger.applied()).as("applied counter").isEqualTo(counts.getOrDefault("APPLIED", 0));
		assertThat(ledger.offered()).as("offered counter").isEqualTo(counts.getOrDefault("OFFERED", 0));
		assertThat(ledger.approved() + ledger.offered()).as("approved and offered within capacity").isLessThanOrEqualTo(ledger.capacity());
		if (ledger.waitlisted() > 0) {
			assertThat(ledger.approved() + ledger.offered()).as("no free seat while students wait").isEqualTo(ledger.capacity());
		}
		assertThat(ledger.waitlisted()).as("waitlisted within capacity").isLessThanOrEqualTo(ledger.waitlistCapacity());
		Integer doubleActive = this.jdbc.queryForObject("SELECT count(*) FROM (SELECT user_id FROM enrollment WHERE mclass_id = ? "
				+ "AND status IN ('APPLIED','APPROVED','WAITLISTED','OFFERED') GROUP BY user_id HAVING count(*) > 1) twice", Integer.class, classId);
		assertThat(doubleActive).as("students with two active enrollments").isZero();
		return ledger;
	}

	public record Ledger(int capacity, int waitlistCapacity, int approved, int waitlisted, int applied, int offered) {
	}

}
