package com.mclass.auth.terms.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.auth.terms.TermPublishing;
import com.mclass.auth.terms.TermType;
import com.mclass.platform.web.ApiResponse;

/** ADMIN only, by the platform rule on {@code /api/admin/**}. */
@RestController
@RequestMapping("/api/admin/terms")
class AdminTermController {

	private final TermPublishing publishing;

	AdminTermController(TermPublishing publishing) {
		this.publishing = publishing;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse<TermView> publish(@Valid @RequestBody NewTermVersion request) {
		return ApiResponse.ok(TermView.of(this.publishing.publish(request.type(), request.title().strip(), request.content(),
				request.isRequired())));
	}

	record NewTermVersion(@NotNull TermType type, @NotBlank @Size(max = 200) String title,
			@NotBlank @Size(max = 100_000) String content, @NotNull Boolean isRequired) {
	}

}
