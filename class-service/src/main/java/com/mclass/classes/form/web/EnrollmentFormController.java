package com.mclass.classes.form.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.classes.ClassErrorCode;
import com.mclass.classes.form.EnrollmentForm;
import com.mclass.classes.form.EnrollmentForms;
import com.mclass.classes.form.FormDraft;
import com.mclass.classes.form.PublishingForm;
import com.mclass.classes.mclass.ClassCatalog;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.security.AuthenticatedUser;

/**
 * A class's enrollment form: readable by anyone who can read the class (so also for UNLISTED classes, never for
 * deleted ones), published by admins. Each {@code PUT} publishes a new version; old versions stay readable.
 */
@RestController
@RequestMapping("/api/mclasses/{classId}/enrollment-form")
class EnrollmentFormController {

	private final ClassCatalog catalog;

	private final EnrollmentForms forms;

	private final PublishingForm publishing;

	EnrollmentFormController(ClassCatalog catalog, EnrollmentForms forms, PublishingForm publishing) {
		this.catalog = catalog;
		this.forms = forms;
		this.publishing = publishing;
	}

	@GetMapping
	ApiResponse<FormView> active(@PathVariable UUID classId) {
		requireClass(classId);
		EnrollmentForm form = this.forms.findActive(classId).orElseThrow(() -> new ApiException(ClassErrorCode.ENROLLMENT_FORM_NOT_FOUND));
		return ApiResponse.ok(FormView.of(form, form.version()));
	}

	@GetMapping("/versions")
	ApiResponse<List<FormVersionSummary>> versions(@PathVariable UUID classId) {
		requireClass(classId);
		List<EnrollmentForm> all = this.forms.findAll(classId);
		int active = all.isEmpty() ? 0 : all.get(0).version();
		return ApiResponse.ok(all.stream().map((form) -> FormVersionSummary.of(form, active)).toList());
	}

	@GetMapping("/versions/{version}")
	ApiResponse<FormView> version(@PathVariable UUID classId, @PathVariable int version) {
		requireClass(classId);
		EnrollmentForm form = this.forms.findVersion(classId, version).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
		int active = this.forms.findActive(classId).map(EnrollmentForm::version).orElse(form.version());
		return ApiResponse.ok(FormView.of(form, active));
	}

	@PutMapping
	ApiResponse<FormView> publish(@PathVariable UUID classId, @RequestBody FormDraft draft,
			@Parameter(hidden = true) AuthenticatedUser admin) {
		EnrollmentForm form = this.publishing.publish(classId, draft, admin.id());
		return ApiResponse.ok(FormView.of(form, form.version()));
	}

	private void requireClass(UUID classId) {
		this.catalog.findActive(classId).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
	}

}
