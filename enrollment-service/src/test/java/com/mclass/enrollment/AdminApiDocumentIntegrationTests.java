package com.mclass.enrollment;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published API document describes the history, audit and bulk-enrollment endpoints as they answer: the system
 * tests hold every answer to it.
 */
class AdminApiDocumentIntegrationTests extends EnrollmentIntegrationTest {

	@Test
	void theAuditFeedIsDocumentedAsJsonOrCsvAndTheHistoryAsJson() {
		JsonNode paths = document().path("paths");

		JsonNode audit = paths.path("/api/admin/audit").path("get").path("responses");
		assertThat(audit.path("200").path("content").has("application/json")).isTrue();
		assertThat(audit.path("200").path("content").path("text/csv").path("schema").path("type").asString()).isEqualTo("string");
		assertThat(audit.has("400")).isTrue();
		assertThat(audit.has("403")).isTrue();
		JsonNode history = paths.path("/api/admin/enrollments/{id}/history").path("get").path("responses");
		assertThat(history.path("200").path("content").has("application/json") || history.path("200").path("content").has("*/*")).isTrue();
		assertThat(history.has("404")).isTrue();
		assertThat(paths.path("/api/admin/enrollments/{id}").has("get")).isTrue();
	}

	@Test
	void theBulkEnrollmentIsDocumentedWithItsCsvBodyReportAndErrors() {
		JsonNode operation = document().path("paths").path("/api/admin/mclasses/{id}/enrollments/import").path("post");

		assertThat(operation.path("requestBody").path("content").has("text/csv")).isTrue();
		JsonNode responses = operation.path("responses");
		assertThat(responses.path("200").path("content").toString()).contains("ImportReport");
		for (String status : new String[] { "400", "403", "404", "413", "415", "503" }) {
			assertThat(responses.has(status)).as(status).isTrue();
		}
		assertThat(responses.path("413").path("description").asString()).contains("IMPORT_TOO_LARGE");
	}

	private JsonNode document() {
		Api.Response response = this.api.get("/v3/api-docs").send();
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

}
