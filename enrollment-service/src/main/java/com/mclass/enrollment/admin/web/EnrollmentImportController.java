package com.mclass.enrollment.admin.web;

import java.io.IOException;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.enrollment.admin.EnrollmentImport;
import com.mclass.enrollment.admin.ImportReport;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.security.AuthenticatedUser;

/** Bulk enrollment by an admin ({@code /api/admin/**}: ADMIN only, at the gateway and here). */
@RestController
class EnrollmentImportController {

	private final EnrollmentImport imports;

	EnrollmentImportController(EnrollmentImport imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/api/admin/mclasses/{id}/enrollments/import", consumes = "text/csv")
	@Operation(summary = "Enroll the students of a CSV file",
			description = "Header row: `email` (required), `status` (optional: APPROVED, WAITLISTED or APPLIED; empty = as "
					+ "the class's rules place a student), answers as `q:<questionId>` (a checkbox's choices separated by `;`, "
					+ "an agreement as true/false). Each line goes through the same seat ledger as a student's request (no "
					+ "oversell) and gets its history row, event and mail. `dryRun=true` (the default) reports what would happen "
					+ "and changes nothing; `atomic=true` (the default) keeps nothing if any line fails, `atomic=false` keeps the "
					+ "lines that succeed. 200 with a report per line (line number, email, outcome, status or error). 400 "
					+ "`CSV_MALFORMED` naming the line or column; 413 `IMPORT_TOO_LARGE` over 10,000 lines or 5 MB; 415 for "
					+ "another content type; 404 unknown class; 503 with Retry-After when auth-service cannot look the "
					+ "students up (nothing changed).")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "text/csv",
			schema = @Schema(type = "string"), examples = @ExampleObject(name = "two students",
					value = "email,status,q:motivation\nkim@example.com,,배우고 싶어요\nlee@example.com,APPROVED,\n")))
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the report, line by line",
			useReturnTypeSchema = true)
	ApiResponse<ImportReport> importCsv(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean dryRun,
			@RequestParam(defaultValue = "true") boolean atomic, HttpServletRequest request, AuthenticatedUser admin) throws IOException {
		return ApiResponse.ok(this.imports.run(id, request.getInputStream(), request.getContentLengthLong(), dryRun, atomic, admin.id()));
	}

}
