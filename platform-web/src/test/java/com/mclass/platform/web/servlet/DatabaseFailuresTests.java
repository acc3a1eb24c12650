package com.mclass.platform.web.servlet;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = DatabaseFailuresTests.FailingController.class)
@Import(DatabaseFailuresTests.FailingController.class)
class DatabaseFailuresTests {

	@Autowired
	MockMvc mvc;

	@Test
	void noConnectionFromThePoolInTimeIsA503WithRetryAfter() throws Exception {
		this.mvc.perform(get("/failing/pool-exhausted"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(jsonPath("$.error.code").value("SERVICE_UNAVAILABLE"));
	}

	@Test
	void aLockNotGrantedInTimeIsA503() throws Exception {
		this.mvc.perform(get("/failing/lock-timeout"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"));
	}

	@Test
	void aConnectionLostUnderTheRequestIsA503EvenForAnEventStream() throws Exception {
		this.mvc.perform(get("/failing/session-terminated").accept(MediaType.TEXT_EVENT_STREAM))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.error.code").value("SERVICE_UNAVAILABLE"));
		this.mvc.perform(get("/failing/commit-on-closed-connection"))
			.andExpect(status().isServiceUnavailable());
	}

	@Test
	void aDatabaseFailureThatIsNotAnOutageStaysA500() throws Exception {
		this.mvc.perform(get("/failing/syntax-error"))
			.andExpect(status().isInternalServerError())
			.andExpect(header().doesNotExist("Retry-After"))
			.andExpect(jsonPath("$.error.code").value("INTERNAL_ERROR"));
	}

	@RestController
	static class FailingController {

		@GetMapping("/failing/{how}")
		String fail(@PathVariable String how) {
			throw switch (how) {
				case "pool-exhausted" -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
						new SQLException("Connection is not available, request timed out after 2000ms.", "08001"));
				case "lock-timeout" -> new CannotAcquireLockException("lock timeout",
						new SQLException("canceling statement due to lock timeout", "55P03"));
				case "session-terminated" -> new UncategorizedSQLException("enroll", "insert",
						new SQLException("terminating connection due to administrator command", "57P01"));
				case "commit-on-closed-connection" -> new TransactionSystemException("Could not commit JDBC transaction",
						new SQLException("Connection is closed"));
				default -> new UncategorizedSQLException("enroll", "select", new SQLException("syntax error", "42601"));
			};
		}

	}

}
