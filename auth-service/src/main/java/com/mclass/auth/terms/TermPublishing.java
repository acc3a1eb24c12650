package com.mclass.auth.terms;

import java.time.Clock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.auth.AuthErrorCode;
import com.mclass.platform.web.ApiException;

/**
 * Publishes a new version of a term type. Users who have not agreed to a new required version lose their completed
 * sign-up at their next token (see {@code SignupStatus}) until they agree to it.
 */
@Service
public class TermPublishing {

	private final Terms terms;

	private final TransactionTemplate transactions;

	private final Clock clock;

	TermPublishing(Terms terms, TransactionTemplate transactions, Clock clock) {
		this.terms = terms;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Term publish(TermType type, String title, String content, boolean required) {
		try {
			return this.transactions.execute((status) -> {
				int next = this.terms.latestVersion(type) + 1;
				return this.terms.saveAndFlush(new Term(type, title, content, required, next, this.clock.instant()));
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Two admins published the same type at once: unique (type, version) let one win.
			throw new ApiException(AuthErrorCode.TERM_VERSION_CONFLICT);
		}
	}

}
