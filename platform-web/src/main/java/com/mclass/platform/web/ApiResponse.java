package com.mclass.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The success envelope (docs/architecture.md, "HTTP contract"): {@code {"success":true,"data":…,"message"?,"code"?,"meta"?}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, String message, String code, Object meta) {

	public static <T> ApiResponse<T> ok(T data) {
		return new ApiResponse<>(true, data, null, null, null);
	}

	public static <T> ApiResponse<T> ok(T data, Object meta) {
		return new ApiResponse<>(true, data, null, null, meta);
	}

	public static <T> ApiResponse<T> ok(T data, String code, String message) {
		return new ApiResponse<>(true, data, message, code, null);
	}

}
