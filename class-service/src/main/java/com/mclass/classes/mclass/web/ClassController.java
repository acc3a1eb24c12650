package com.mclass.classes.mclass.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

import org.springframework.http.HttpStatus;
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
import com.mclass.classes.mclass.ClassPage;
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

	ClassController(ClassCatalog catalog, ClassAdministration administration) {
		this.catalog = catalog;
		this.administration = administration;
	}

	/**
	 * Anonymous callers and users see PUBLIC classes; admins see UNLISTED ones as well. Deleted classes are never listed.
	 */
	@GetMapping
	ApiResponse<List<ClassView>> list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) @SortableClassField String sort,
			@RequestParam(required = false) @Size(max = 100) String q, @RequestParam(required = false) RecruitState recruit,
			@RequestParam(required = false) Boolean online, @RequestParam(required = false) SelectionType selectionType,
			@Parameter(hidden = true) Optional<AuthenticatedUser> caller) {
		ClassSearch search = new ClassSearch(q, recruit, online, selectionType, ClassSort.parse(sort).orElseThrow(), page, size);
		ClassPage found = this.catalog.search(search, caller.map(AuthenticatedUser::isAdmin).orElse(false));
		return ApiResponse.ok(found.content(), new PageMeta(found.page(), found.size(), found.totalElements(), found.totalPages()));
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
			@Validated({ Default.class, ClassDraft.Revision.class }) @RequestBody ClassDraft draft) {
		return ApiResponse.ok(this.administration.revise(id, draft));
	}

	@DeleteMapping("/{id}")
	ApiResponse<ClassDeleted> delete(@PathVariable UUID id) {
		return ApiResponse.ok(this.administration.delete(id));
	}

}
