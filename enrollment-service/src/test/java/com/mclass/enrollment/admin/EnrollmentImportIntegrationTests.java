package com.mclass.enrollment.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.mclass.enrollment.Api;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.enrollment.Forms;
import com.mclass.enrollment.RemoteServicesStub;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/admin/mclasses/{id}/enrollments/import}: bulk enrollment from a CSV file. */
class EnrollmentImportIntegrationTests extends EnrollmentIntegrationTest {

	final UUID adminId = UUID.randomUUID();

	final String admin = TestTokens.admin(this.adminId);

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void authServiceBackUp() {
		RemoteServicesStub.down(RemoteServicesStub.AUTH, false);
	}

	@Test
	void aDryRunReportsWhatEachLineWouldDoAndChangesNothing() {
		UUID classId = this.classes.open(Classes.firstCome(2, 1));
		String csv = "email,status\n" + known("a") + ",\n" + known("b") + ",\n" + email("nobody") + ",\n" + email("a") + ",\n"
				+ known("d") + ",MAYBE\n" + known("e") + ",\n" + known("f") + ",\n";

		Api.Response response = importCsv(classId, csv, "dryRun=true");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode report = response.data();
		assertThat(report.path("dryRun").asBoolean()).isTrue();
		assertThat(report.path("applied").asBoolean()).isFalse();
		assertThat(report.path("lines").asInt()).isEqualTo(7);
		assertThat(outcomes(report)).containsExactly("2 WOULD_ENROLL APPROVED", "3 WOULD_ENROLL APPROVED", "4 FAILED USER_NOT_FOUND",
				"5 FAILED DUPLICATE_LINE", "6 FAILED INVALID_STATUS", "7 WOULD_ENROLL WAITLISTED", "8 FAILED CLASS_FULL");
		assertThat(report.path("results").get(3).path("message").asString()).contains("2");
		assertThat(countsByStatus(classId)).isEmpty();
		assertThat(assertInvariants(classId).approved()).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE payload LIKE ?", Integer.class, "%" + classId + "%"))
			.isZero();
	}

	@Test
	void anAtomicImportWithOneBadLineChangesNothing() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0));
		String csv = "email\n" + known("a") + "\n" + email("nobody") + "\n" + known("b") + "\n";

		JsonNode report = importCsv(classId, csv, "dryRun=false&atomic=true").data();

		assertThat(report.path("applied").asBoolean()).isFalse();
		assertThat(outcomes(report)).containsExactly("2 NOT_APPLIED APPROVED", "3 FAILED USER_NOT_FOUND", "4 NOT_APPLIED APPROVED");
		assertThat(countsByStatus(classId)).isEmpty();
		assertThat(assertInvariants(classId).approved()).isZero();
	}

	@Test
	void aLineByLineImportKeepsTheGoodLinesEachWithItsHistoryAndEvent() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0));
		String csv = "email\n" + known("a") + "\n" + email("nobody") + "\n" + known("b") + "\n";

		JsonNode report = importCsv(classId, csv, "dryRun=false&atomic=false").data();

		assertThat(report.path("applied").asBoolean()).isTrue();
		assertThat(outcomes(report)).containsExactly("2 ENROLLED APPROVED", "3 FAILED USER_NOT_FOUND", "4 ENROLLED APPROVED");
		assertThat(report.path("enrolled").asInt()).isEqualTo(2);
		assertThat(report.path("failed").asInt()).isEqualTo(1);
		String enrollmentId = report.path("results").get(0).path("enrollmentId").asString();
		assertThat(this.jdbc.queryForObject("SELECT actor_type || ':' || actor_id FROM enrollment_history WHERE enrollment_id = ?::uuid",
				String.class, enrollmentId)).isEqualTo("ADMIN:" + this.adminId);
		assertThat(this.jdbc.queryForList("SELECT type FROM outbox_event WHERE message_key = ?", String.class, enrollmentId)).hasSize(1);
		assertThat(this.jdbc.queryForObject("SELECT recipient_email FROM enrollment WHERE id = ?::uuid", String.class, enrollmentId))
			.isEqualTo(email("a"));
		assertThat(countsByStatus(classId)).containsEntry("APPROVED", 2);
		assertInvariants(classId);

		JsonNode again = importCsv(classId, "email\n" + email("a") + "\n", "dryRun=false&atomic=false").data();
		assertThat(outcomes(again)).containsExactly("2 FAILED ALREADY_ENROLLED");
	}

	@Test
	void statusAndAnswerColumnsFollowTheFormAndTheDecisionRules() {
		UUID classId = this.classes.open(Classes.review(1).form(Forms.MOTIVATION_LEVEL_AGREEMENT));
		String csv = "email,status,q:motivation,q:level,q:agree\n" //
				+ known("a") + ",APPROVED,\"동시성을, 제대로 배우고 싶어요\",중급,yes\n" //
				+ known("b") + ",,배우고 싶어요,상급,true\n" //
				+ known("c") + ",,배우고 싶어요,초급,true\n" //
				+ known("d") + ",APPROVED,배우고 싶어요,초급,true\n";

		JsonNode report = importCsv(classId, csv, "dryRun=false&atomic=false").data();

		assertThat(outcomes(report)).containsExactly("2 ENROLLED APPROVED", "3 FAILED INVALID_ANSWERS", "4 ENROLLED APPLIED",
				"5 FAILED CLASS_FULL");
		assertThat(report.path("results").get(1).path("details").get(0).path("field").asString()).isEqualTo("answers.level");
		JsonNode answers = this.api.get("/api/admin/enrollments/" + report.path("results").get(0).path("enrollmentId").asString())
			.token(this.admin).send().data().path("answers");
		assertThat(answers.path("motivation").asString()).isEqualTo("동시성을, 제대로 배우고 싶어요");
		assertThat(answers.path("agree").asBoolean()).isTrue();
		assertInvariants(classId);
	}

	@Test
	void importsRunningAlongsideStudentsNeverOversellTheClass() throws Exception {
		int capacity = 15;
		UUID classId = this.classes.open(Classes.firstCome(capacity, 0));
		List<String> files = new ArrayList<>();
		for (int file = 0; file < 2; file++) {
			StringBuilder csv = new StringBuilder("email\n");
			for (int i = 0; i < 12; i++) {
				csv.append(known("bulk" + file + "-" + i)).append('\n');
			}
			files.add(csv.toString());
		}
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<CompletableFuture<Api.Response>> imports = List.of(
					CompletableFuture.supplyAsync(() -> importCsv(classId, files.get(0), "dryRun=false&atomic=false"), pool),
					CompletableFuture.supplyAsync(() -> importCsv(classId, files.get(1), "dryRun=false&atomic=true"), pool));
			List<CompletableFuture<Api.Response>> students = IntStream.range(0, 12)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> enroll(classId, student(UUID.randomUUID()), "{}"), pool))
				.toList();
			int enrolledByImports = 0;
			for (CompletableFuture<Api.Response> done : imports) {
				Api.Response response = done.get();
				assertThat(response.status()).as(response.body()).isEqualTo(200);
				JsonNode report = response.data();
				if (report.path("applied").asBoolean()) {
					enrolledByImports += report.path("enrolled").asInt();
				}
				for (JsonNode line : report.path("results")) {
					assertThat(line.path("outcome").asString()).isIn("ENROLLED", "NOT_APPLIED", "FAILED");
					if (line.path("outcome").asString().equals("FAILED")) {
						assertThat(line.path("error").asString()).isEqualTo("CLASS_FULL");
					}
				}
			}
			int enrolledStudents = 0;
			for (CompletableFuture<Api.Response> done : students) {
				Api.Response response = done.get();
				assertThat(response.status()).as(response.body()).isIn(201, 409, 503);
				enrolledStudents += (response.status() == 201) ? 1 : 0;
			}
			Ledger ledger = assertInvariants(classId);
			assertThat(ledger.approved()).isEqualTo(enrolledByImports + enrolledStudents).isLessThanOrEqualTo(capacity);
			assertThat(ledger.approved()).as("36 asked for 15 seats").isEqualTo(capacity);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void malformedFilesAreRefusedNamingTheLineOrColumnAndNeverWithA500() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0));

		Api.Response unbalanced = importCsv(classId, "email\n" + known("a") + "\n\"" + known("b") + ",x\n", "dryRun=true");
		assertThat(unbalanced.status()).as(unbalanced.body()).isEqualTo(400);
		assertThat(unbalanced.errorCode()).isEqualTo("CSV_MALFORMED");
		assertThat(unbalanced.json().path("error").path("details").get(0).path("field").asString()).isEqualTo("line 3");

		Api.Response noEmail = importCsv(classId, "mail,status\nx@example.com,\n", "dryRun=true");
		assertThat(noEmail.errorCode()).isEqualTo("CSV_MALFORMED");
		assertThat(noEmail.json().path("error").path("details").get(0).path("field").asString()).isEqualTo("email");
		assertThat(importCsv(classId, "", "dryRun=true").errorCode()).isEqualTo("CSV_MALFORMED");
		assertThat(importCsv(classId, "email,unknown\n", "dryRun=true").errorCode()).isEqualTo("CSV_MALFORMED");

		Api.Response json = this.api.post("/api/admin/mclasses/" + classId + "/enrollments/import?dryRun=true")
			.token(this.admin)
			.json("{\"email\":\"a@example.com\"}")
			.send();
		assertThat(json.status()).isEqualTo(415);

		StringBuilder tooMany = new StringBuilder("email\n");
		for (int i = 0; i <= 10_000; i++) {
			tooMany.append("s").append(i).append("@example.com\n");
		}
		Api.Response tooLarge = importCsv(classId, tooMany.toString(), "dryRun=true");
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.errorCode()).isEqualTo("IMPORT_TOO_LARGE");
		assertThat(tooLarge.body()).contains("10000");

		assertThat(importCsv(UUID.randomUUID(), "email\n" + known("a") + "\n", "dryRun=true").status()).isEqualTo(404);
		assertThat(this.api.post("/api/admin/mclasses/" + classId + "/enrollments/import")
			.token(student(UUID.randomUUID()))
			.body("text/csv", "email\n")
			.send()
			.status()).isEqualTo(403);
		assertInvariants(classId);
	}

	@Test
	void whileAuthServiceIsDownTheImportAnswers503WithRetryAfterAndChangesNothing() {
		UUID classId = this.classes.open(Classes.firstCome(5, 0));
		RemoteServicesStub.down(RemoteServicesStub.AUTH, true);

		Api.Response response = importCsv(classId, "email\n" + known("a") + "\n", "dryRun=false&atomic=false");

		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isPresent();
		assertThat(countsByStatus(classId)).isEmpty();
	}

	private Api.Response importCsv(UUID classId, String csv, String query) {
		return this.api.post("/api/admin/mclasses/" + classId + "/enrollments/import?" + query)
			.token(this.admin)
			.body("text/csv", csv)
			.send();
	}

	private String email(String name) {
		return name + "-" + this.tag + "@example.com";
	}

	/** An address auth-service has a signed-up account for. */
	private String known(String name) {
		String email = email(name);
		RemoteServicesStub.knowsUser(email, UUID.randomUUID(), true, false);
		return email;
	}

	private static List<String> outcomes(JsonNode report) {
		List<String> outcomes = new ArrayList<>();
		for (JsonNode line : report.path("results")) {
			String what = line.path("outcome").asString().equals("FAILED") ? line.path("error").asString() : line.path("status").asString();
			outcomes.add(line.path("line").asInt() + " " + line.path("outcome").asString() + " " + what);
		}
		return outcomes;
	}

}
