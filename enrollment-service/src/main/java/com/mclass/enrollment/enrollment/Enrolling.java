package com.mclass.enrollment.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.enrollment.EnrollmentErrorCode;
import com.mclass.enrollment.idempotency.Claim;
import com.mclass.enrollment.idempotency.IdempotencyRecords;
import com.mclass.enrollment.idempotency.RedisIdempotencyRecords;
import com.mclass.enrollment.idempotency.StoredResponse;
import com.mclass.enrollment.seat.ClassSeats;
import com.mclass.enrollment.seat.FormSnapshots;
import com.mclass.enrollment.seat.KnownClasses;
import com.mclass.enrollment.seat.LedgerGate;
import com.mclass.enrollment.seat.Placement;
import com.mclass.enrollment.seat.SeatLedger;
import com.mclass.enrollment.seat.SoldOutFlags;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorCode;
import com.mclass.platform.web.ErrorDetail;

/**
 * The hot path: a student presses "enroll".
 * <ol>
 * <li>Outside any transaction, the checks that need no lock: the class (from the ledger, or class-service when its
 * events have not arrived), sign-up, recruit window, answers against the active form, and the class's sold-out
 * flag in Redis.</li>
 * <li>A valid sold-out flag answers without any transaction: the student's earlier enrollment from
 * {@link HoldersOfFullClasses}, the refusal stored with the key in Redis ({@link RedisIdempotencyRecords}).
 * Every other request registers its key in Redis for the database first, so each key is decided in exactly one
 * place.</li>
 * <li>At most a few requests per class and replica go on to the database at a time ({@link LedgerGate}); the others
 * wait without holding a connection.</li>
 * <li>One short transaction: claim the Idempotency-Key (replay, refuse, or go on); refuse what the checks found;
 * refuse a second active enrollment; insert the enrollment with its history row, its outbox event and the key's
 * record with the place the class's snapshot says it gives; and last, take that place with one conditional UPDATE on
 * the class's ledger row, so the row is held only for that statement and the commit (every place taken queues on
 * it). Should the class no longer give that place (it filled up since the snapshot), the transaction is rolled back
 * and decided again the other way round: the single UPDATE that picks the place first, the inserts after it.</li>
 * </ol>
 * Business refusals that a retry should see again (CLASS_FULL, ALREADY_ENROLLED, …) are stored with the key like a
 * success; invalid requests, unknown classes and failures are not, so the key stays usable.
 */
@Service
public class Enrolling {

	private final KnownClasses classes;

	private final FormSnapshots forms;

	private final AnswerErrors answerErrors;

	private final SoldOutFlags soldOut;

	private final IdempotencyRecords idempotency;

	private final RedisIdempotencyRecords redisRecords;

	private final HoldersOfFullClasses holders;

	private final Enrollments enrollments;

	private final SeatLedger ledger;

	private final LedgerGate gate;

	private final EnrollmentEvents events;

	private final EnrollmentResponses responses;

	private final EnrollmentMetrics metrics;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Enrolling(KnownClasses classes, FormSnapshots forms, AnswerErrors answerErrors, SoldOutFlags soldOut,
			IdempotencyRecords idempotency, RedisIdempotencyRecords redisRecords, HoldersOfFullClasses holders, Enrollments enrollments, SeatLedger ledger, LedgerGate gate, EnrollmentEvents events,
			EnrollmentResponses responses, EnrollmentMetrics metrics, PlatformTransactionManager transactionManager, Clock clock) {
		this.classes = classes;
		this.forms = forms;
		this.answerErrors = answerErrors;
		this.soldOut = soldOut;
		this.idempotency = idempotency;
		this.redisRecords = redisRecords;
		this.holders = holders;
		this.enrollments = enrollments;
		this.ledger = ledger;
		this.gate = gate;
		this.events = events;
		this.responses = responses;
		this.metrics = metrics;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	public EnrollOutcome enroll(EnrollCommand command) {
		Timer.Sample sample = this.metrics.start();
		String outcome = "error";
		try {
			Checked checked = check(command);
			Decision decision = checked.hint().soldOut() ? refuseFromRedis(command, checked) : null;
			if (decision == null) {
				decision = decideInTheDatabase(command, checked);
			}
			outcome = decision.outcome();
			return decision.result();
		}
		catch (ApiException ex) {
			outcome = (ex.errorCode() == CommonErrorCode.VALIDATION_FAILED) ? "invalid" : EnrollmentMetrics.outcomeOf(ex.errorCode().code());
			throw ex;
		}
		catch (RedisIdempotencyRecords.RedisUnavailable ex) {
			outcome = "service_unavailable";
			throw ex;
		}
		finally {
			this.metrics.finished(sample, outcome);
		}
	}

	/**
	 * A sold-out class (valid flag) refuses without a transaction: the student's earlier enrollment from memory, the
	 * refusal stored with the key in Redis. {@code null} when the database must decide after all: the key was used
	 * with the database before, or the class has too many holders to keep in memory.
	 */
	private Decision refuseFromRedis(EnrollCommand command, Checked checked) {
		Optional<HoldersOfFullClasses.Earlier> earlier = this.holders.blockingEarlier(command.classId(), checked.hint().flag(),
				command.userId());
		if (earlier.isEmpty()) {
			return null;
		}
		ErrorCode code = EnrollmentPolicy.refusalToReapply(earlier.get().status()).orElse(EnrollmentErrorCode.CLASS_FULL);
		StoredResponse refusal = this.responses.refusal(code);
		Claim claim = this.redisRecords.storeRefusal(command.request(), refusal);
		return switch (claim.kind()) {
			case FRESH -> new Decision(new EnrollOutcome(refusal, false), EnrollmentMetrics.outcomeOf(code.code()));
			case REPLAY -> new Decision(new EnrollOutcome(claim.stored(), true), "replayed");
			case REUSED -> throw new ApiException(EnrollmentErrorCode.IDEMPOTENCY_KEY_REUSED);
			case IN_FLIGHT -> decideInTheDatabase(command, checked, Claim.FRESH);
		};
	}

	private Decision decideInTheDatabase(EnrollCommand command, Checked checked) {
		return decideInTheDatabase(command, checked, this.redisRecords.claimForDatabase(command.request()));
	}

	/** @param inRedis what Redis knows of the key, registered for the database ({@code FRESH}) unless it answered it */
	private Decision decideInTheDatabase(EnrollCommand command, Checked checked, Claim inRedis) {
		switch (inRedis.kind()) {
			case REPLAY -> {
				return new Decision(new EnrollOutcome(inRedis.stored(), true), "replayed");
			}
			case REUSED -> throw new ApiException(EnrollmentErrorCode.IDEMPOTENCY_KEY_REUSED);
			case FRESH, IN_FLIGHT -> {
				// the database decides (its advisory lock tells "in flight")
			}
		}
		return checked.needsTheLedgerRow() ? this.gate.through(command.classId(), () -> decideOnce(command, checked))
				: decideOnce(command, checked);
	}

	private Decision decideOnce(EnrollCommand command, Checked checked) {
		try {
			return this.transactions.execute((status) -> decide(command, checked, true));
		}
		catch (ExpectedPlaceGone ex) {
			// Rolled back: the class filled up (or freed a seat) since its snapshot. The row decides, then the inserts.
			this.metrics.redecided();
			return this.transactions.execute((status) -> decide(command, checked, false));
		}
	}

	/** Everything decided before the transaction: none of it needs a lock, and none of it is stored yet. */
	private Checked check(EnrollCommand command) {
		// Without a completed sign-up nothing else matters, not even whether class-service can be reached.
		ClassSeats seats = command.signupCompleted() ? this.classes.findRecent(command.classId()).orElse(null) : null;
		Optional<ErrorCode> refusal = EnrollmentPolicy.refusalToApply(command.signupCompleted(), seats, this.clock.instant());
		if (refusal.isPresent()) {
			return new Checked(seats, refusal.get(), List.of(), SoldOutFlags.Hint.unknown());
		}
		List<ErrorDetail> invalidAnswers = this.answerErrors.check(this.forms.questions(seats.classId(), seats.formVersion()),
				command.answers());
		SoldOutFlags.Hint hint = (invalidAnswers.isEmpty() && seats.isFirstCome()) ? this.soldOut.read(seats.classId())
				: SoldOutFlags.Hint.unknown();
		return new Checked(seats, null, invalidAnswers, hint);
	}

	/** @param placeLast take the place the snapshot expects as the last statement (else pick it first, on the row) */
	private Decision decide(EnrollCommand command, Checked checked, boolean placeLast) {
		Claim claim = this.idempotency.claim(command.request());
		switch (claim.kind()) {
			case IN_FLIGHT -> throw new ApiException(EnrollmentErrorCode.IDEMPOTENCY_KEY_IN_USE);
			case REUSED -> throw new ApiException(EnrollmentErrorCode.IDEMPOTENCY_KEY_REUSED);
			case REPLAY -> {
				return new Decision(new EnrollOutcome(claim.stored(), true), "replayed");
			}
			case FRESH -> {
				// a new request: decide it below
			}
		}
		if (checked.refusal() != null) {
			return refuse(command, checked.refusal());
		}
		if (!checked.invalidAnswers().isEmpty()) {
			throw AnswerErrors.invalid(checked.invalidAnswers());
		}
		Optional<ErrorCode> earlier = this.enrollments.blockingEarlier(command.userId(), command.classId())
			.flatMap(EnrollmentPolicy::refusalToReapply);
		if (earlier.isPresent()) {
			return refuse(command, earlier.get());
		}
		if (checked.hint().soldOut()) {
			return refuse(command, EnrollmentErrorCode.CLASS_FULL);
		}
		ClassSeats seats = checked.seats();
		if (placeLast) {
			Optional<EnrollmentStatus> expected = EnrollmentPolicy.placementFor(seats.selectionType(),
					seats.approved() + seats.offered(), seats.capacity(), seats.allowWaitlist(), seats.waitlisted(),
					seats.waitlistCapacity());
			if (expected.isPresent()) {
				return write(command, seats, expected.get(), false);
			}
		}
		// From here to commit this transaction holds the class's ledger row: only inserts follow.
		Optional<Placement> placement = this.ledger.allocate(seats.classId());
		if (placement.isEmpty()) {
			this.soldOut.markSoldOutAfterCommit(seats.classId(), checked.hint());
			return refuse(command, EnrollmentErrorCode.CLASS_FULL);
		}
		return write(command, seats, EnrollmentStatus.of(placement.get()), true);
	}

	/**
	 * The enrollment in {@code status}, its event and the key's record. With {@code placeTaken} the place was taken
	 * already (ALLOCATE); else it is taken last, so the class's ledger row is held from that UPDATE to commit only.
	 * @throws ExpectedPlaceGone when the place to take last is no longer given: the caller rolls back and decides again
	 */
	private Decision write(EnrollCommand command, ClassSeats seats, EnrollmentStatus status, boolean placeTaken) {
		Placement place = Placement.valueOf(status.name());
		Enrollment enrollment = newEnrollment(seats, command.userId(), status, command.answers(), command.recipient());
		if (!this.enrollments.insert(enrollment, Actor.user(command.userId()))) {
			// Another request of the same student got in first (same class, different key): undo a place taken.
			if (placeTaken) {
				this.ledger.giveBack(seats.classId(), place);
			}
			return refuse(command, EnrollmentErrorCode.ALREADY_ENROLLED);
		}
		this.events.record(enrollment, null, seats, enrollment.appliedAt());
		StoredResponse created = this.responses.created(enrollment);
		this.idempotency.remember(command.request(), created, enrollment.id());
		if (!placeTaken && !this.ledger.take(seats.classId(), place)) {
			throw new ExpectedPlaceGone();
		}
		return new Decision(new EnrollOutcome(created, false), EnrollmentMetrics.outcomeOf(status.name()));
	}

	/** A new application in {@code status}, applied now and decided now unless it waits for review. */
	private Enrollment newEnrollment(ClassSeats seats, UUID userId, EnrollmentStatus status, Map<String, Object> answers,
			Recipient recipient) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		return new Enrollment(UUID.randomUUID(), seats.classId(), userId, status, answers, seats.formVersion(), null, now,
				(status == EnrollmentStatus.APPLIED) ? null : now, null, null, recipient, null);
	}

	/** The place a class's snapshot promised is gone by the time the row is reached; nothing of the attempt is kept. */
	private static final class ExpectedPlaceGone extends RuntimeException {

		ExpectedPlaceGone() {
			super(null, null, false, false);
		}

	}

	/**
	 * An admin enrolls a student (bulk enrollment), in the caller's transaction: the same refusal of a second active
	 * enrollment or of a rejected student, and the same conditional UPDATE on the class's ledger row as a student's
	 * request, so an import can never oversell a class. What it skips is what belongs to a student's own request: the
	 * recruitment window (an admin may add students after it), the Idempotency-Key (the import reports each line) and
	 * the sold-out short cuts. The caller has checked the class and the answers. Refusals are returned, not thrown, so
	 * the caller decides what a refused line does to its transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public OnBehalfOutcome enrollOnBehalf(ClassSeats seats, UUID userId, Recipient recipient, Map<String, Object> answers, UUID adminId) {
		Optional<ErrorCode> earlier = this.enrollments.blockingEarlier(userId, seats.classId()).flatMap(EnrollmentPolicy::refusalToReapply);
		if (earlier.isPresent()) {
			return OnBehalfOutcome.refused(earlier.get());
		}
		Optional<Placement> placement = this.ledger.allocate(seats.classId());
		if (placement.isEmpty()) {
			return OnBehalfOutcome.refused(EnrollmentErrorCode.CLASS_FULL);
		}
		EnrollmentStatus status = EnrollmentStatus.of(placement.get());
		Enrollment enrollment = newEnrollment(seats, userId, status, answers, recipient);
		Instant now = enrollment.appliedAt();
		if (!this.enrollments.insert(enrollment, Actor.admin(adminId))) {
			this.ledger.giveBack(seats.classId(), placement.get());
			return OnBehalfOutcome.refused(EnrollmentErrorCode.ALREADY_ENROLLED);
		}
		this.events.record(enrollment, null, seats, now);
		return new OnBehalfOutcome(enrollment, null);
	}

	/** An enrollment made by {@link #enrollOnBehalf}, or the code it was refused with. */
	public record OnBehalfOutcome(Enrollment enrollment, ErrorCode refusal) {

		static OnBehalfOutcome refused(ErrorCode code) {
			return new OnBehalfOutcome(null, code);
		}

	}

	private Decision refuse(EnrollCommand command, ErrorCode code) {
		if (!EnrollmentPolicy.isReplayed(code)) {
			throw new ApiException(code);
		}
		StoredResponse refusal = this.responses.refusal(code);
		this.idempotency.rememberRefusal(command.request(), refusal);
		return new Decision(new EnrollOutcome(refusal, false), EnrollmentMetrics.outcomeOf(code.code()));
	}

	private record Checked(ClassSeats seats, ErrorCode refusal, List<ErrorDetail> invalidAnswers, SoldOutFlags.Hint hint) {

		/** Whether the transaction will (unless the student is enrolled already) queue on the class's ledger row. */
		boolean needsTheLedgerRow() {
			return this.refusal == null && this.invalidAnswers.isEmpty() && !this.hint.soldOut();
		}

	}

	private record Decision(EnrollOutcome result, String outcome) {
	}

}
