package com.mclass.enrollment.security;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import com.mclass.enrollment.Api;
import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what, and every malformed request answered with a 400 envelope that names the field, never a 500. */
class SecurityAndInputIntegrationTests extends EnrollmentIntegrationTest {

	@Test
	void enrollingWithoutATokenIsUnauthenticated() {
		Api.Response response = this.api.post("/api/mclasses/" + UUID.randomUUID() + "/enrollments")
			.idempotencyKey("k")
			.json("{\"answers\":{}}")
			.send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.api.get("/api/enrollments/my").send().status()).isEqualTo(401);
		assertThat(this.api.get("/api/admin/dashboard").send().status()).isEqualTo(401);
	}

	@Test
	void anExpiredTokenIsToldApart() {
		String expired = TestTokens.forUser(UUID.randomUUID()).expiresAt(java.time.Instant.now().minusSeconds(60)).sign();
		assertThat(this.api.get("/api/enrollments/my").token(expired).send().errorCode()).isEqualTo("TOKEN_EXPIRED");
	}

	@Test
	void availabilityIsPublic() {
		UUID classId = this.classes.open(Classes.firstCome(3, 1));
		Api.Response response = this.api.get("/api/mclasses/" + classId + "/availability").send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.data().path("seatsLeft").asInt()).isEqualTo(3);
		assertThat(this.api.get("/api/mclasses/" + UUID.randomUUID() + "/availability").send().status()).isEqualTo(404);
	}

	@Test
	void someoneElsesEnrollmentIsNotFound() {
		UUID classId = this.classes.open(Classes.firstCome(0, 5));
		String owner = student(UUID.randomUUID());
		String other = student(UUID.randomUUID());
		UUID enrollmentId = UUID.fromString(enroll(classId, owner, "{}").data().path("id").asString());

		Api.Response edit = this.api.put("/api/mclasses/" + classId + "/enrollments/" + enrollmentId).token(other).json("{\"answers\":{}}").send();
		Api.Response cancel = cancel(classId, enrollmentId, other);
		Api.Response wrongClass = cancel(UUID.randomUUID(), enrollmentId, owner);
		assertThat(edit.status()).isEqualTo(404);
		assertThat(edit.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(cancel.status()).isEqualTo(404);
		assertThat(wrongClass.status()).isEqualTo(404);
		assertThat(this.api.get("/api/mclasses/" + classId + "/enrollments").token(other).send().data()).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT status FROM enrollment WHERE id = ?", String.class, enrollmentId)).isEqualTo("WAITLISTED");
	}

	static Stream<Arguments> badRequests() {
		String classPath = "/api/mclasses/" + UUID.randomUUID() + "/enrollments";
		return Stream.of(
				Arguments.of("missing Idempotency-Key", "POST", classPath, null, "{\"answers\":{}}", "Idempotency-Key"),
				Arguments.of("Idempotency-Key too long", "POST", classPath, "k".repeat(101), "{\"answers\":{}}", "Idempotency-Key"),
				Arguments.of("Idempotency-Key with spaces", "POST", classPath, "two words", "{\"answers\":{}}", "Idempotency-Key"),
				Arguments.of("malformed class id", "POST", "/api/mclasses/not-a-uuid/enrollments", "k", "{\"answers\":{}}", "id"),
				Arguments.of("malformed JSON", "POST", classPath, "k", "{\"answers\":{", "body"),
				Arguments.of("answers not an object", "POST", classPath, "k", "{\"answers\":\"yes\"}", "answers"),
				Arguments.of("too many answers", "POST", classPath, "k", tooManyAnswers(), "answers"),
				Arguments.of("page size zero", "GET", "/api/enrollments/my?size=0", null, null, "size"),
				Arguments.of("page size too large", "GET", "/api/enrollments/my?size=101", null, null, "size"),
				Arguments.of("negative page", "GET", "/api/enrollments/my?page=-1", null, null, "page"),
				Arguments.of("unknown status", "GET", "/api/enrollments/my?status=MAYBE", null, null, "status"),
				Arguments.of("cancel reason too long", "DELETE", classPath + "/" + UUID.randomUUID(), null,
						"{\"reason\":\"" + "x".repeat(501) + "\"}", "reason"),
				Arguments.of("malformed enrollment id", "PUT", classPath + "/42", null, "{\"answers\":{}}", "enrollmentId"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void aMalformedRequestNamesTheFieldAtFault(String what, String method, String path, String key, String body, String field) {
		Api.Call call = switch (method) {
			case "POST" -> this.api.post(path);
			case "PUT" -> this.api.put(path);
			case "DELETE" -> this.api.delete(path);
			default -> this.api.get(path);
		};
		call.token(student(UUID.randomUUID()));
		if (key != null) {
			call.idempotencyKey(key);
		}
		if (body != null) {
			call.json(body);
		}
		Api.Response response = call.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.errorCode()).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
		JsonNode details = response.json().path("error").path("details");
		assertThat(details.findValuesAsString("field")).as(response.toString()).contains(field);
	}

	static Stream<Arguments> badAdminRequests() {
		return Stream.of(Arguments.of("unknown action", "PUT", "{\"action\":\"PROMOTE\"}", "action"),
				// neither the plan's status nor its alias action: the documented field is named
				Arguments.of("missing status", "PUT", "{\"reason\":\"x\"}", "status"),
				Arguments.of("unknown status", "PUT", "{\"status\":\"PROMOTED\"}", "status"),
				Arguments.of("malformed from", "GET", "from=yesterday", "from"),
				Arguments.of("malformed class id", "GET", "mclassId=abc", "mclassId"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badAdminRequests")
	void aMalformedAdminRequestNamesTheFieldAtFault(String what, String method, String input, String field) {
		String admin = TestTokens.admin(UUID.randomUUID());
		Api.Response response = method.equals("PUT")
				? this.api.put("/api/admin/enrollments/" + UUID.randomUUID()).token(admin).json(input).send()
				: this.api.get("/api/admin/enrollments?" + input).token(admin).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().path("error").path("details").findValuesAsString("field")).contains(field);
	}

	@Test
	void decidingAnUnknownEnrollmentIsNotFound() {
		Api.Response response = this.api.put("/api/admin/enrollments/" + UUID.randomUUID())
			.token(TestTokens.admin(UUID.randomUUID()))
			.json("{\"action\":\"APPROVE\"}")
			.send();
		assertThat(response.status()).isEqualTo(404);
	}

	private static String tooManyAnswers() {
		StringBuilder answers = new StringBuilder("{\"answers\":{");
		for (int i = 0; i < 101; i++) {
			answers.append((i > 0) ? "," : "").append("\"q").append(i).append("\":\"a\"");
		}
		return answers.append("}}").toString();
	}

}
