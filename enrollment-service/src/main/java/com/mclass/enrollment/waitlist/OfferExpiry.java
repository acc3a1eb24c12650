package com.mclass.enrollment.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.enrollment.enrollment.Actor;
import com.mclass.enrollment.enrollment.Enrollment;
import com.mclass.enrollment.enrollment.EnrollmentPolicy;
import com.mclass.enrollment.enrollment.EnrollmentPolicy.Action;
import com.mclass.enrollment.enrollment.EnrollmentTransitions;
import com.mclass.enrollment.enrollment.Enrollments;
import com.mclass.enrollment.seat.ClassSeats;
import com.mclass.enrollment.seat.SeatLedger;

/**
 * The expiry sweep: every {@code mclass.enrollment.offer-sweep-interval}, each offer whose deadline has passed is
 * canceled ({@code ENROLLMENT_OFFER_EXPIRED}) and its seat goes to the next in line (offered again) or, with nobody
 * waiting, becomes free. Every replica runs it. Each expiry is one transaction that first locks the class's ledger
 * row with {@code SKIP LOCKED} — the lock every transition of the class takes, in the same order — so two sweepers
 * never work on one class at once, a sweeper never waits behind a busy class, and the status-conditional update under
 * that lock makes each expiry happen exactly once, whoever else (a student's late answer, another replica) tries.
 */
@Component
public class OfferExpiry {

	/** Recorded as the expiry's reason in the history and the event. */
	public static final String REASON = "OFFER_EXPIRED";

	private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);

	private final Enrollments enrollments;

	private final SeatLedger ledger;

	private final EnrollmentTransitions transitions;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int batch;

	OfferExpiry(Enrollments enrollments, SeatLedger ledger, EnrollmentTransitions transitions,
			PlatformTransactionManager transactionManager, Clock clock,
			@Value("${mclass.enrollment.offer-sweep-batch:500}") int batch) {
		this.enrollments = enrollments;
		this.ledger = ledger;
		this.transitions = transitions;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.batch = batch;
	}

	@Scheduled(fixedDelayString = "${mclass.enrollment.offer-sweep-interval:5s}",
			initialDelayString = "${mclass.enrollment.offer-sweep-interval:5s}")
	void sweep() {
		try {
			int expired = expireDueOffers();
			if (expired > 0) {
				log.info("Expired {} seat offer(s) whose deadline had passed", expired);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not expire due seat offers; retrying at the next interval", ex);
		}
	}

	/**
	 * Expires the offers due now, one transaction each, up to {@code mclass.enrollment.offer-sweep-batch} per call
	 * (the rest wait for the next sweep). Offers of a class whose ledger row is locked meanwhile are left to the next
	 * sweep too.
	 * @return how many offers this call expired
	 */
	public int expireDueOffers() {
		int expired = 0;
		for (int attempt = 0; attempt < this.batch; attempt++) {
			Instant now = this.clock.instant();
			Outcome outcome = this.transactions.execute((status) -> expireOne(now));
			if (outcome == Outcome.NONE_DUE) {
				break;
			}
			if (outcome == Outcome.EXPIRED) {
				expired++;
			}
		}
		return expired;
	}

	private Outcome expireOne(Instant now) {
		Optional<UUID> classId = this.enrollments.lockClassWithDueOffer(now);
		if (classId.isEmpty()) {
			return Outcome.NONE_DUE;
		}
		ClassSeats seats = this.ledger.lock(classId.get()).orElseThrow();
		// Read again under the lock: the offer may have been answered or expired since the lookup's snapshot.
		Optional<Enrollment> due = this.enrollments.oldestDueOffer(classId.get(), now)
			.filter((offer) -> EnrollmentPolicy.isOfferDue(offer, now));
		if (due.isEmpty()) {
			return Outcome.ALREADY_HANDLED;
		}
		this.transitions.apply(new EnrollmentTransitions.Locked(due.get(), seats), Action.EXPIRE, Actor.SYSTEM, REASON);
		return Outcome.EXPIRED;
	}

	private enum Outcome {

		EXPIRED, ALREADY_HANDLED, NONE_DUE

	}

}
