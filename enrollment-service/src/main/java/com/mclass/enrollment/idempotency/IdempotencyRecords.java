package com.mclass.enrollment.idempotency;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.enrollment.JdbcValues;

/**
 * Idempotency-Key records (docs/architecture.md, "The hot path"), claimed and written inside the transaction of the request they
 * answer, so a record exists exactly when the outcome it replays committed — a crash rolls both back.
 * <p>
 * "In flight" is a transaction-scoped advisory lock on (user, key) rather than an unfinished row: a concurrent
 * insert of the same row would make PostgreSQL wait for the first transaction, holding a connection per duplicate,
 * whereas {@code pg_try_advisory_xact_lock} answers at once and is released by commit or rollback, crash included.
 * Under that lock no other transaction can write the key's row, so it is read after the lock and written at the end.
 */
@Repository
public class IdempotencyRecords {

	private final JdbcClient jdbc;

	private final IdempotencyProperties properties;

	private final Clock clock;

	IdempotencyRecords(JdbcClient jdbc, IdempotencyProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Claim claim(IdempotentRequest request) {
		Boolean locked = this.jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(request.lockKey()).query(Boolean.class).single();
		if (!Boolean.TRUE.equals(locked)) {
			return Claim.IN_FLIGHT;
		}
		Optional<Claim> earlier = this.jdbc.sql("""
				SELECT request_hash, response_status, response_body FROM idempotency_record
				 WHERE user_id = ? AND idempotency_key = ? AND expires_at > ?
				""")
			.params(request.userId(), request.key(), JdbcValues.timestamp(this.clock.instant()))
			.query((rs, row) -> request.requestHash().equals(rs.getString("request_hash"))
					? new Claim(Claim.Kind.REPLAY, new StoredResponse(rs.getInt("response_status"), rs.getString("response_body")))
					: Claim.REUSED)
			.optional();
		return earlier.orElse(Claim.FRESH);
	}

	/**
	 * Stores a refusal of a claimed request, in a transaction that changes nothing else. Such a transaction commits
	 * without waiting for its WAL to reach the disk ({@code synchronous_commit = off}, this transaction only): in a
	 * rush most requests are refused, and each would otherwise hold a pooled connection through a disk flush. The
	 * record is visible at once; only a database crash in the following few hundred milliseconds can lose it, and
	 * then a retry under the same key is simply decided again — the refusal changed nothing that could be doubled.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void rememberRefusal(IdempotentRequest request, StoredResponse response) {
		this.jdbc.sql("SET LOCAL synchronous_commit = off").update();
		remember(request, response, null);
	}

	/** Stores the response of a claimed request; an expired record of the same key is replaced. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void remember(IdempotentRequest request, StoredResponse response, UUID enrollmentId) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.jdbc.sql("""
				INSERT INTO idempotency_record (user_id, idempotency_key, request_hash, response_status, response_body, enrollment_id,
				                                created_at, expires_at)
				VALUES (:userId, :key, :hash, :status, :body, :enrollmentId, :now, :expiresAt)
				ON CONFLICT (user_id, idempotency_key) DO UPDATE
				   SET request_hash = EXCLUDED.request_hash, response_status = EXCLUDED.response_status,
				       response_body = EXCLUDED.response_body, enrollment_id = EXCLUDED.enrollment_id,
				       created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
				 WHERE idempotency_record.expires_at <= EXCLUDED.created_at
				""")
			.param("userId", request.userId())
			.param("key", request.key())
			.param("hash", request.requestHash())
			.param("status", response.status())
			.param("body", response.body())
			.param("enrollmentId", enrollmentId, Types.OTHER)
			.param("now", JdbcValues.timestamp(now))
			.param("expiresAt", JdbcValues.timestamp(now.plus(this.properties.ttl())))
			.update();
	}

	/**
	 * Deletes expired records, a bounded batch per statement so the purge never holds many row locks at once.
	 * @return how many were deleted
	 */
	public int purgeExpired() {
		int total = 0;
		int deleted;
		do {
			deleted = this.jdbc.sql("""
					DELETE FROM idempotency_record
					 WHERE ctid IN (SELECT ctid FROM idempotency_record WHERE expires_at <= ? LIMIT 5000)
					""").param(JdbcValues.timestamp(this.clock.instant())).update();
			total += deleted;
		}
		while (deleted == 5000);
		return total;
	}

}
