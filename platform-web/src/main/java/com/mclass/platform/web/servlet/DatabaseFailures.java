package com.mclass.platform.web.servlet;

import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.CommonErrorCode;

/**
 * A database outage or overload is not a bug, in any service: no connection free within the pool's timeout, a lock not
 * granted within {@code lock_timeout}, the database refusing connections, or a connection lost under the request (its
 * session terminated, a failover) answers 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After} (retry later,
 * nothing was written) instead of the 500 for the unexpected. Installed where Spring JDBC is on the class path.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseFailures {

	private static final Logger log = LoggerFactory.getLogger(DatabaseFailures.class);

	private final ApiExceptionHandler envelopes;

	DatabaseFailures(ApiExceptionHandler envelopes) {
		this.envelopes = envelopes;
	}

	@ExceptionHandler({ CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class,
			DataAccessResourceFailureException.class, PessimisticLockingFailureException.class,
			QueryTimeoutException.class, TransientDataAccessResourceException.class })
	ResponseEntity<ApiErrorResponse> overloaded(Exception ex) {
		log.warn("Answered 503: the database did not admit the request in time ({})", ex.toString());
		return this.envelopes.respondTo(CommonErrorCode.SERVICE_UNAVAILABLE);
	}

	/**
	 * The database connection went away under the request (the session was terminated, the server restarted or failed
	 * over): the statement failed and the rollback then found the connection closed, or the failure was not one Spring
	 * classifies. Nothing of the request is kept, except when a commit was cut off after the server had applied it —
	 * where the request carried an {@code Idempotency-Key}, its retry then gets the recorded answer. Anything else
	 * stays a 500, a bug.
	 */
	@ExceptionHandler({ TransactionSystemException.class, UncategorizedSQLException.class })
	ResponseEntity<ApiErrorResponse> connectionLost(Exception ex) {
		if (!isConnectionLoss(ex)) {
			log.error("Unexpected database failure", ex);
			return this.envelopes.respondTo(CommonErrorCode.INTERNAL_ERROR);
		}
		log.warn("Answered 503: the database connection was lost under the request ({})", ex.toString());
		return this.envelopes.respondTo(CommonErrorCode.SERVICE_UNAVAILABLE);
	}

	/**
	 * SQLSTATE class 08 (connection exception) or 57 (operator intervention: {@code pg_terminate_backend}, shutdown),
	 * anywhere in the cause chain or in the failure a rollback was cleaning up after; or a commit or rollback that failed
	 * with an {@link SQLException} of its own.
	 */
	static boolean isConnectionLoss(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57"))) {
				return true;
			}
			if (cause instanceof TransactionSystemException system && (system.getCause() instanceof SQLException
					|| (system.getApplicationException() != null && isConnectionLoss(system.getApplicationException())))) {
				// A JDBC commit or rollback that failed with an SQLException of its own (not one Spring translates,
				// such as a serialization failure): the connection broke under it (HikariCP's closed proxy says
				// "Connection is closed" without an SQLSTATE).
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
