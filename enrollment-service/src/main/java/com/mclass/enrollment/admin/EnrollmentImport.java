package com.mclass.enrollment.admin;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.enrollment.EnrollmentErrorCode;
import com.mclass.enrollment.admin.ImportReport.Outcome;
import com.mclass.enrollment.enrollment.Actor;
import com.mclass.enrollment.enrollment.AnswerErrors;
import com.mclass.enrollment.enrollment.Enrolling;
import com.mclass.enrollment.enrollment.Enrollment;
import com.mclass.enrollment.enrollment.EnrollmentPolicy.Action;
import com.mclass.enrollment.enrollment.EnrollmentStatus;
import com.mclass.enrollment.enrollment.EnrollmentTransitions;
import com.mclass.enrollment.enrollment.Recipient;
import com.mclass.enrollment.seat.ClassSeats;
import com.mclass.enrollment.seat.FormSnapshots;
import com.mclass.enrollment.seat.KnownClasses;
import com.mclass.formrules.Question;
import com.mclass.formrules.QuestionType;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorCode;
import com.mclass.platform.web.ErrorDetail;
import com.mclass.platform.web.ErrorMessages;

/**
 * An admin enrolls the students of a CSV file in one class ({@code POST /api/admin/mclasses/{id}/enrollments/import}).
 * <ol>
 * <li>The file is read and bounded ({@link ImportFile}); each line is checked without touching the ledger: its e-mail,
 * a student already on an earlier line, its status, its answers against the class's active form.</li>
 * <li>The students are looked up by address in auth-service in batches ({@link UserDirectory}); unknown, ambiguous,
 * disabled and not-signed-up accounts are refused. auth-service down: 503, nothing changed.</li>
 * <li>Each remaining line goes through the student's own path ({@link Enrolling#enrollOnBehalf}: the ledger's
 * conditional UPDATE, the history row, the outbox event and so the mail), then, if its {@code status} asks for another
 * place than the class's rules gave, through the admin's decision ({@link EnrollmentTransitions}). A class cannot be
 * oversold by an import, however it interleaves with students.</li>
 * </ol>
 * Line by line ({@code atomic=false}) each line is its own transaction, holding the class's ledger row only for that
 * line. All or nothing ({@code atomic=true}) and dry runs use one transaction with a savepoint per line, so a refused
 * line is undone and the next ones see the ledger as it would be; it is rolled back at the end for a dry run or any
 * refused line. That transaction holds the class's ledger row until it ends: students enrolling meanwhile wait (up to
 * the lock timeout).
 */
@Service
public class EnrollmentImport {

	/** A pragmatic address check: the account lookup is the real one. */
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

	private static final String REASON = "bulk enrollment";

	private final KnownClasses classes;

	private final FormSnapshots forms;

	private final AnswerErrors answerErrors;

	private final UserDirectory users;

	private final Enrolling enrolling;

	private final EnrollmentTransitions transitions;

	private final ErrorMessages messages;

	private final ImportProperties limits;

	private final TransactionTemplate ownTransaction;

	private final TransactionTemplate savepoint;

	EnrollmentImport(KnownClasses classes, FormSnapshots forms, AnswerErrors answerErrors, UserDirectory users, Enrolling enrolling,
			EnrollmentTransitions transitions, ErrorMessages messages, ImportProperties limits, PlatformTransactionManager transactionManager) {
		this.classes = classes;
		this.forms = forms;
		this.answerErrors = answerErrors;
		this.users = users;
		this.enrolling = enrolling;
		this.transitions = transitions;
		this.messages = messages;
		this.limits = limits;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * @param declaredLength the request's Content-Length, -1 when not given (a longer body fails while it is read)
	 * @throws ApiException {@code NOT_FOUND} for an unknown class, {@code CSV_MALFORMED} or {@code IMPORT_TOO_LARGE} for a
	 * file that cannot be taken, {@code SERVICE_UNAVAILABLE} when auth-service cannot answer
	 */
	public ImportReport run(UUID classId, InputStream csv, long declaredLength, boolean dryRun, boolean atomic, UUID adminId) {
		ClassSeats seats = this.classes.findRecent(classId).filter((found) -> !found.deleted())
			.orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
		List<ImportFile.Line> lines = ImportFile.read(csv, declaredLength, this.limits);
		List<Question> questions = this.forms.questions(classId, seats.formVersion());
		Map<Integer, ImportReport.Line> results = new HashMap<>();
		List<Candidate> candidates = check(lines, questions, results);
		List<Candidate> found = identify(candidates, results);
		List<Enrolled> enrolled = new ArrayList<>();
		if (!dryRun && !atomic) {
			for (Candidate candidate : found) {
				enrollOne(seats, candidate, adminId, this.ownTransaction, results).ifPresent(enrolled::add);
			}
		}
		else {
			this.ownTransaction.executeWithoutResult((status) -> {
				for (Candidate candidate : found) {
					enrollOne(seats, candidate, adminId, this.savepoint, results).ifPresent(enrolled::add);
				}
				if (dryRun || !results.isEmpty()) { // results holds only the refused lines so far
					status.setRollbackOnly();
				}
			});
		}
		boolean anyFailed = !results.isEmpty();
		boolean kept = !dryRun && (!atomic || !anyFailed);
		for (Enrolled done : enrolled) {
			Outcome outcome = dryRun ? Outcome.WOULD_ENROLL : kept ? Outcome.ENROLLED : Outcome.NOT_APPLIED;
			results.put(done.line().number(), new ImportReport.Line(done.line().number(), done.line().email(), outcome,
					done.enrollment().status(), (outcome == Outcome.ENROLLED) ? done.enrollment().id() : null, null, null, null));
		}
		List<ImportReport.Line> report = results.values().stream().sorted(Comparator.comparingInt(ImportReport.Line::line)).toList();
		int failures = (int) report.stream().filter((line) -> line.outcome() == Outcome.FAILED).count();
		return new ImportReport(classId, dryRun, atomic, kept && !enrolled.isEmpty(), lines.size(), enrolled.size(), failures, report);
	}

	/** The checks that need neither auth-service nor the ledger; failed lines go straight into {@code results}. */
	private List<Candidate> check(List<ImportFile.Line> lines, List<Question> questions, Map<Integer, ImportReport.Line> results) {
		Map<String, Integer> firstLineOf = new HashMap<>();
		List<Candidate> candidates = new ArrayList<>();
		for (ImportFile.Line line : lines) {
			String email = (line.email() != null) ? line.email().toLowerCase(Locale.ROOT) : "";
			if (email.isEmpty() || email.length() > 320 || !EMAIL.matcher(email).matches()) {
				results.put(line.number(), failed(line, ImportLineError.INVALID_EMAIL));
				continue;
			}
			Integer earlier = firstLineOf.putIfAbsent(email, line.number());
			if (earlier != null) {
				results.put(line.number(), failed(line, ImportLineError.DUPLICATE_LINE.name(),
						this.messages.text("import.error.DUPLICATE_LINE", "The same student is on line {0}.", String.valueOf(earlier)), null));
				continue;
			}
			Optional<EnrollmentStatus> wanted = Optional.empty();
			if (line.status() != null) {
				wanted = wantedStatus(line.status());
				if (wanted.isEmpty()) {
					results.put(line.number(), failed(line, ImportLineError.INVALID_STATUS));
					continue;
				}
			}
			Map<String, Object> answers = answers(line.answers(), questions);
			List<ErrorDetail> invalid = this.answerErrors.check(questions, answers);
			if (!invalid.isEmpty()) {
				results.put(line.number(), failed(line, ImportLineError.INVALID_ANSWERS.name(),
						this.messages.text("import.error.INVALID_ANSWERS", ImportLineError.INVALID_ANSWERS.defaultMessage()), invalid));
				continue;
			}
			candidates.add(new Candidate(line, email, wanted.orElse(null), answers, null));
		}
		return candidates;
	}

	/** Looks the candidates up in auth-service; those without exactly one usable account fail. */
	private List<Candidate> identify(List<Candidate> candidates, Map<Integer, ImportReport.Line> results) {
		if (candidates.isEmpty()) {
			return List.of();
		}
		Map<String, List<UserDirectory.KnownUser>> accounts;
		try {
			accounts = this.users.byEmail(candidates.stream().map(Candidate::email).toList());
		}
		catch (UserDirectory.Unavailable ex) {
			throw new ApiException(CommonErrorCode.SERVICE_UNAVAILABLE);
		}
		List<Candidate> found = new ArrayList<>();
		for (Candidate candidate : candidates) {
			List<UserDirectory.KnownUser> matches = accounts.getOrDefault(candidate.email(), List.of());
			ImportLineError error = matches.isEmpty() ? ImportLineError.USER_NOT_FOUND
					: (matches.size() > 1) ? ImportLineError.AMBIGUOUS_EMAIL : matches.get(0).disabled() ? ImportLineError.USER_DISABLED : null;
			if (error != null) {
				results.put(candidate.line().number(), failed(candidate.line(), error));
			}
			else if (!matches.get(0).signUpCompleted()) {
				results.put(candidate.line().number(), failed(candidate.line(), EnrollmentErrorCode.SIGNUP_INCOMPLETE));
			}
			else {
				found.add(candidate.identified(matches.get(0)));
			}
		}
		return found;
	}

	/** One line in its own transaction or savepoint: undone entirely when refused. */
	private Optional<Enrolled> enrollOne(ClassSeats seats, Candidate candidate, UUID adminId, TransactionTemplate transaction,
			Map<Integer, ImportReport.Line> results) {
		try {
			return Optional.of(transaction.execute((status) -> {
				UserDirectory.KnownUser user = candidate.user();
				Enrolling.OnBehalfOutcome outcome = this.enrolling.enrollOnBehalf(seats, user.id(),
						new Recipient(user.email(), user.name(), user.locale()), candidate.answers(), adminId);
				if (outcome.refusal() != null) {
					throw new LineRefused(outcome.refusal());
				}
				Enrollment enrollment = outcome.enrollment();
				EnrollmentStatus wanted = candidate.wanted();
				if (wanted != null && wanted != enrollment.status()) {
					Action action = switch (wanted) {
						case APPROVED -> Action.APPROVE;
						case WAITLISTED -> Action.WAITLIST;
						default -> throw new LineRefused(EnrollmentErrorCode.TRANSITION_NOT_ALLOWED);
					};
					try {
						enrollment = this.transitions.apply(this.transitions.lockAndLoad(enrollment.id()), action, Actor.admin(adminId), REASON);
					}
					catch (ApiException ex) {
						throw new LineRefused(ex.errorCode());
					}
				}
				return new Enrolled(candidate.line(), enrollment);
			}));
		}
		catch (LineRefused ex) {
			results.put(candidate.line().number(), failed(candidate.line(), ex.code()));
			return Optional.empty();
		}
	}

	private static Optional<EnrollmentStatus> wantedStatus(String text) {
		String name = text.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(new EnrollmentStatus[] { EnrollmentStatus.APPROVED, EnrollmentStatus.WAITLISTED, EnrollmentStatus.APPLIED })
			.filter((status) -> status.name().equals(name))
			.findFirst();
	}

	/**
	 * The cells as the form's answers: a checkbox's choices separated by {@code ;}, an agreement as {@code true}/{@code
	 * false} (also yes/no, y/n, 1/0), anything else as written. What does not fit is then refused by the form's rules.
	 */
	private static Map<String, Object> answers(Map<String, String> cells, List<Question> questions) {
		Map<String, QuestionType> types = new HashMap<>();
		for (Question question : questions) {
			types.put(question.id(), question.type());
		}
		Map<String, Object> answers = new LinkedHashMap<>();
		cells.forEach((questionId, cell) -> {
			QuestionType type = types.get(questionId);
			if (type == QuestionType.CHECKBOX) {
				answers.put(questionId, Arrays.stream(cell.split(";")).map(String::strip).filter((choice) -> !choice.isEmpty()).toList());
			}
			else if (type == QuestionType.AGREE_TERMS) {
				answers.put(questionId, switch (cell.toLowerCase(Locale.ROOT)) {
					case "true", "yes", "y", "1" -> Boolean.TRUE;
					case "false", "no", "n", "0" -> Boolean.FALSE;
					default -> cell;
				});
			}
			else {
				answers.put(questionId, cell);
			}
		});
		return answers;
	}

	private ImportReport.Line failed(ImportFile.Line line, ImportLineError error) {
		return failed(line, error.name(), this.messages.text("import.error." + error.name(), error.defaultMessage()), null);
	}

	private ImportReport.Line failed(ImportFile.Line line, ErrorCode code) {
		return failed(line, code.code(), this.messages.messageFor(code), null);
	}

	private static ImportReport.Line failed(ImportFile.Line line, String error, String message, List<ErrorDetail> details) {
		return new ImportReport.Line(line.number(), line.email(), Outcome.FAILED, null, null, error, message, details);
	}

	private record Candidate(ImportFile.Line line, String email, EnrollmentStatus wanted, Map<String, Object> answers,
			UserDirectory.KnownUser user) {

		Candidate identified(UserDirectory.KnownUser account) {
			return new Candidate(this.line, this.email, this.wanted, this.answers, account);
		}

	}

	private record Enrolled(ImportFile.Line line, Enrollment enrollment) {
	}

	/** A line the ledger or the status rules refused: its transaction or savepoint is rolled back. */
	private static final class LineRefused extends RuntimeException {

		private final ErrorCode code;

		LineRefused(ErrorCode code) {
			super(code.code(), null, false, false);
			this.code = code;
		}

		ErrorCode code() {
			return this.code;
		}

	}

}
