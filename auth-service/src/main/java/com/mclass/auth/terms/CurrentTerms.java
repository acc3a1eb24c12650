package com.mclass.auth.terms;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorDetail;
import com.mclass.platform.web.ErrorMessages;

/**
 * The terms in force (the highest version of each type) and who agreed to them. Agreements always name a term
 * version; agreeing to an old version does not count for the current one.
 */
@Service
public class CurrentTerms {

	/** The current version of each type, as a subquery. */
	private static final String CURRENT = "(select distinct on (type) id, is_required from term order by type, version desc)";

	private final Terms terms;

	private final JdbcClient jdbc;

	private final ErrorMessages messages;

	private final Clock clock;

	CurrentTerms(Terms terms, JdbcClient jdbc, ErrorMessages messages, Clock clock) {
		this.terms = terms;
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Term> list() {
		return this.terms.findCurrent().stream().sorted(Comparator.comparing(Term::getType)).toList();
	}

	/**
	 * Checks that {@code termIds} name only current terms and include every required one; otherwise a 400 listing
	 * each unknown, outdated or missing term under {@code termIds}.
	 */
	public void checkCoversRequired(Collection<UUID> termIds) {
		Map<UUID, Term> current = this.terms.findCurrent().stream().collect(Collectors.toMap(Term::getId, Function.identity()));
		List<ErrorDetail> details = new ArrayList<>();
		for (UUID id : new LinkedHashSet<>(termIds)) {
			if (!current.containsKey(id)) {
				details.add(new ErrorDetail("termIds", this.messages.text("validation.terms.unknown",
						"is not a current term: " + id, id)));
			}
		}
		Set<UUID> given = new HashSet<>(termIds);
		current.values()
			.stream()
			.filter(Term::isRequired)
			.filter((term) -> !given.contains(term.getId()))
			.sorted(Comparator.comparing(Term::getType))
			.forEach((term) -> details.add(new ErrorDetail("termIds", this.messages.text("validation.terms.requiredMissing",
					"must include the required term " + term.getId() + " (" + term.getType() + ")", term.getId(), term.getType()))));
		if (!details.isEmpty()) {
			throw new ApiException(CommonErrorCode.VALIDATION_FAILED, null, details);
		}
	}

	/**
	 * Agrees to one current term (a 404 for any other id, old versions included: agreeing to superseded text is
	 * meaningless).
	 */
	public Term agreeToCurrent(UUID userId, UUID termId) {
		Term term = this.terms.findCurrent()
			.stream()
			.filter((candidate) -> candidate.getId().equals(termId))
			.findFirst()
			.orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
		agree(userId, List.of(term.getId()));
		return term;
	}

	/** Records agreements; agreeing twice is harmless. Joins the caller's transaction when there is one. */
	public void agree(UUID userId, Collection<UUID> termIds) {
		Timestamp now = Timestamp.from(this.clock.instant());
		for (UUID termId : new LinkedHashSet<>(termIds)) {
			this.jdbc.sql("insert into user_term_agreement (id, user_id, term_id, agreed_at) values (?, ?, ?, ?) "
					+ "on conflict (user_id, term_id) do nothing")
				.params(UUID.randomUUID(), userId, termId, now)
				.update();
		}
	}

	public boolean allRequiredAgreed(UUID userId) {
		Integer missing = this.jdbc.sql("select count(*) from " + CURRENT + " cur where cur.is_required "
				+ "and not exists (select 1 from user_term_agreement a where a.user_id = ? and a.term_id = cur.id)")
			.param(userId)
			.query(Integer.class)
			.single();
		return missing == 0;
	}

	/** Of {@code userIds}, those who agreed to every current required term (one query for a page of users). */
	public Set<UUID> agreedToAllRequired(Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		List<UUID> agreed = this.jdbc.sql("select u.id from unnest(?::uuid[]) as u(id) where not exists (select 1 from "
				+ CURRENT + " cur where cur.is_required and not exists "
				+ "(select 1 from user_term_agreement a where a.user_id = u.id and a.term_id = cur.id))")
			.param(userIds.stream().map(UUID::toString).toArray(String[]::new))
			.query(UUID.class)
			.list();
		return new HashSet<>(agreed);
	}

}
