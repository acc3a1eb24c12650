package com.mclass.platform.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The error envelope (docs/architecture.md, "HTTP contract"):
 * {@code {"success":false,"error":{"code":"…","message":"…","details"?:[{"field":…,"reason":…}]}}}.
 */
public record ApiErrorResponse(boolean success, Body error) {

	public static ApiErrorResponse of(String code, String message) {
		return new ApiErrorResponse(false, new Body(code, message, null));
	}

	public static ApiErrorResponse of(String code, String message, List<ErrorDetail> details) {
		return new ApiErrorResponse(false, new Body(code, message, (details == null || details.isEmpty()) ? null : List.copyOf(details)));
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Body(String code, String message, List<ErrorDetail> details) {
	}

}
