package com.mclass.classes.mclass.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.classes.mclass.ClassAdministration;
import com.mclass.classes.mclass.ClassCatalog;
import com.mclass.classes.mclass.ClassDeleted;
import com.mclass.classes.mclass.ClassDraft;
import com.mclass.classes.mclass.ClassSearch;
import com.mclass.classes.mclass.ClassSort;
import com.mclass.classes.mclass.ClassView;
import com.mclass.classes.mclass.RecruitState;
import com.mclass.classes.mclass.SelectionType;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.security.AuthenticatedUser;

/**
 * Classes over HTTP. Reads are open to anyone (PUBLIC classes in lists, any class by id); writes need an admin, which
 * {@code ClassServiceSecurity} enforces before a request gets here.
 */
@RestController
@RequestMapping("/api/mclasses")
class ClassController {

	private final ClassCatalog catalog;

	private final ClassAdministration administration;

	private final ClassListResponses responses;

	private final Clock clock;

	private final Duration listMaxAge;

	ClassController(ClassCatalog catalog, ClassAdministration administration, ClassListResponses responses, Clock clock,
			@Value("${mclass.classes.list-max-age:2s}") Duration listMaxAge) {
		this.catalog = catalog;
		this.administration = administration;
		this.responses = responses;
		this.clock = clock;
		this.listMaxAge = listMaxAge;
	}

	/**
	 * Anonymous callers and users see PUBLIC classes; admins see UNLISTED ones as well. Deleted classes are never listed.
	 * Served from memory where possible ({@code ClassListSnapshot}), with an ETag ({@code If-None-Match} → 304):
	 * anonymous answers may be kept by shared caches for a moment ({@code public, max-age}), users' only by their own
	 * client ({@code private}), admins' not at all ({@code no-store}: they list UNLISTED classes); {@code Vary:
	 * Authorization} keeps them apart. The moment is at most {@code mclass.classes.list-max-age} and never outlasts the
	 * next recruit window boundary ({@link #maxAge}); answers from the database get 0.
	 */
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "List classes", responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = ClassListDocument.class))))
	ResponseEntity<byte[]> list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) @SortableClassField String sort,
			@RequestParam(required = false) @Size(max = 100) String q, @RequestParam(required = false) RecruitState recruit,
			@RequestParam(required = false) Boolean online, @RequestParam(required = false) SelectionType selectionType,
			@Parameter(hidden = true) Optional<AuthenticatedUser> caller) {
		ClassSearch search = new ClassSearch(q, recruit, online, selectionType, ClassSort.parse(sort).orElseThrow(), page, size);
		boolean admin = caller.map(AuthenticatedUser::isAdmin).orElse(false);
		Instant now = this.clock.instant();
		ClassListResponses.Rendered answer = this.catalog.listFromMemory(search, admin, now)
			.map((listing) -> this.responses.of(listing, search, admin, now))
			.orElseGet(() -> this.responses.of(this.catalog.search(search, admin)));
		Duration maxAge = maxAge(this.listMaxAge, answer.changesAt(), now);
		CacheControl cacheControl = caller.isEmpty() ? CacheControl.maxAge(maxAge).cachePublic()
				: admin ? CacheControl.noStore() : CacheControl.maxAge(maxAge).cachePrivate();
		// With an ETag on a GET, Spring answers 304 without a body when If-None-Match matches.
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.eTag(answer.etag())
			.cacheControl(cacheControl)
			.varyBy(HttpHeaders.AUTHORIZATION)
			.body(answer.body());
	}

	/**
	 * How long a cache may keep an answer: {@code listMaxAge}, but never past {@code changesAt}, the first moment the
	 * answer may be wrong (a recruit window opens or closes), in whole seconds rounded down. {@code null}: only a change
	 * of the classes makes it wrong ({@code listMaxAge}); {@link Instant#MIN} (read from the database, next boundary
	 * unknown) or a moment already passed: 0.
	 */
	private static Duration maxAge(Duration listMaxAge, Instant changesAt, Instant now) {
		if (changesAt == null) {
			return listMaxAge;
		}
		if (!changesAt.isAfter(now)) {
			return Duration.ZERO;
		}
		Duration left = Duration.ofSeconds(Duration.between(now, changesAt).toSeconds());
		return (left.compareTo(listMaxAge) < 0) ? left : listMaxAge;
	}

	/** What {@link #list} answers, for the API document only: the body itself is rendered ahead, as bytes. */
	@Schema(name = "ClassListResponse")
	record ClassListDocument(boolean success, List<ClassView> data, PageMeta meta) {
	}

	@GetMapping("/{id}")
	ApiResponse<ClassView> one(@PathVariable UUID id) {
		return ApiResponse.ok(this.catalog.findActive(id).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND)));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED) // documents the 201 the ResponseEntity answers with (with its Location)
	ResponseEntity<ApiResponse<ClassView>> create(@Valid @RequestBody ClassDraft draft,
			@Parameter(hidden = true) AuthenticatedUser admin) {
		ClassView created = this.administration.create(draft, admin.id());
		return ResponseEntity.created(URI.create("/api/mclasses/" + created.id())).body(ApiResponse.ok(created));
	}

	@PutMapping("/{id}")
	ApiResponse<ClassView> revise(@PathVariable UUID id,
			@Validated({ Default.class, ClassDraft.Revision.class }) @RequestBody ClassDraft draft,
			@Parameter(hidden = true) AuthenticatedUser admin) {
		return ApiResponse.ok(this.administration.revise(id, draft, admin.id()));
	}

	@DeleteMapping("/{id}")
	ApiResponse<ClassDeleted> delete(@PathVariable UUID id) {
		return ApiResponse.ok(this.administration.delete(id));
	}

}
