package com.mclass.enrollment.audit.web;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.enrollment.audit.AuditCsv;
import com.mclass.enrollment.audit.AuditEntry;
import com.mclass.enrollment.audit.AuditFeed;
import com.mclass.enrollment.audit.AuditFilter;
import com.mclass.enrollment.audit.AuditPage;
import com.mclass.enrollment.audit.AuditType;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorDetail;

/** The admin audit feed ({@code /api/admin/**}: ADMIN only, at the gateway and here). */
@RestController
class AuditController {

	private static final String CSV = "text/csv";

	private final AuditFeed feed;

	private final AuditCsv csv;

	AuditController(AuditFeed feed, AuditCsv csv) {
		this.feed = feed;
		this.csv = csv;
	}

	@GetMapping("/api/admin/audit")
	@Operation(summary = "The audit feed: enrollment decisions, capacity changes, role changes and disabled accounts",
			description = "Newest first. Enrollment decisions are the admins' and the system's (waitlist promotions); a "
					+ "student's own applications and cancellations are in each enrollment's history. Filters: `type` "
					+ "(repeatable or comma separated), `actorId`, `subjectId` (an enrollment, class or user; a class also "
					+ "matches the decisions on its enrollments), `from` (inclusive) and `to` (exclusive) as ISO-8601 "
					+ "instants. `format=csv` or `Accept: text/csv` streams every matching entry as CSV (paging ignored).")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "a page of the feed, or all of it as CSV",
			content = { @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AuditFeedDocument.class)),
					@Content(mediaType = CSV, schema = @Schema(type = "string", description = "header row: "
							+ "occurredAt,type,actorType,actorId,subjectType,subjectId,details")) })
	ApiResponse<List<AuditEntry>> feed(@RequestParam(name = "type", required = false) List<AuditType> types,
			@RequestParam(required = false) UUID actorId, @RequestParam(required = false) UUID subjectId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@Parameter(description = "`csv` for the CSV export; JSON otherwise") @RequestParam(required = false) String format,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			HttpServletResponse response) throws IOException {
		if (format != null && !format.equals("csv") && !format.equals("json")) {
			throw new ApiException(CommonErrorCode.VALIDATION_FAILED, null, List.of(new ErrorDetail("format", "must be csv or json")));
		}
		if (from != null && to != null && !from.isBefore(to)) {
			throw new ApiException(CommonErrorCode.VALIDATION_FAILED, null, List.of(new ErrorDetail("to", "must be after from")));
		}
		Set<AuditType> typeSet = (types == null || types.isEmpty()) ? Set.of() : EnumSet.copyOf(types);
		AuditFilter filter = new AuditFilter(typeSet, actorId, subjectId, from, to);
		if ("csv".equals(format) || (format == null && wantsCsv(accept))) {
			response.setContentType(CSV + "; charset=UTF-8");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"");
			this.csv.write(filter, response.getOutputStream());
			return null; // written above
		}
		AuditPage found = this.feed.search(filter, page, size);
		return ApiResponse.ok(found.content(), new PageMeta(found.page(), found.size(), found.totalElements(), found.totalPages()));
	}

	/** CSV when the client asks for it and not for JSON (a browser's or a generic {@code *}{@code /*} gets JSON). */
	private static boolean wantsCsv(String accept) {
		if (accept == null) {
			return false;
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (IllegalArgumentException ex) {
			return false; // an unreadable Accept gets the default, JSON
		}
		return types.stream().anyMatch((type) -> type.isCompatibleWith(MediaType.valueOf(CSV)) && !type.isWildcardType())
				&& types.stream().noneMatch((type) -> type.includes(MediaType.APPLICATION_JSON) && !type.isWildcardType());
	}

	record PageMeta(int page, int size, long totalElements, int totalPages) {
	}

	/** The JSON answer as documented: the success envelope with a page of entries. */
	@Schema(name = "AuditFeedPage")
	record AuditFeedDocument(boolean success, List<AuditEntry> data, PageMeta meta) {
	}

}
