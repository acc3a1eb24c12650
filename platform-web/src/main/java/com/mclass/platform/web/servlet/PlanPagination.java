package com.mclass.platform.web.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.mclass.platform.web.ApiErrorResponse;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorDetail;
import com.mclass.platform.web.ErrorMessages;

/**
 * The plan's pagination beside the platform's: lists take {@code page} (from 0) and {@code size}; a client written
 * against the plan sends {@code page} (from 1) and {@code limit}. A GET that carries {@code limit} is read the plan's
 * way — {@code size = limit}, {@code page = page - 1} (page 1 when absent) — before any controller sees it, so every list
 * endpoint of every service speaks both without a line of its own. {@code meta.page} in the answer stays the
 * platform's (from 0). A {@code limit} that is not a whole number from 1, or a plan-style {@code page} below 1, is a
 * 400 naming it.
 */
public final class PlanPagination extends OncePerRequestFilter {

	private final ErrorMessages messages;

	private final JsonMapper json;

	public PlanPagination(ErrorMessages messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || request.getParameter("limit") == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Integer limit = wholeNumberFromOne(request.getParameter("limit"));
		if (limit == null) {
			refuse(response, "limit");
			return;
		}
		String pageParameter = request.getParameter("page");
		Integer page = (pageParameter == null) ? Integer.valueOf(1) : wholeNumberFromOne(pageParameter);
		if (page == null) {
			refuse(response, "page");
			return;
		}
		Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
		parameters.remove("limit");
		parameters.put("page", new String[] { Integer.toString(page - 1) });
		parameters.putIfAbsent("size", new String[] { Integer.toString(limit) });
		chain.doFilter(new Parameters(request, parameters), response);
	}

	private static Integer wholeNumberFromOne(String value) {
		try {
			int number = Integer.parseInt(value.strip());
			return (number >= 1) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private void refuse(HttpServletResponse response, String parameter) throws IOException {
		ApiErrorResponse body = ApiErrorResponse.of(CommonErrorCode.VALIDATION_FAILED.code(),
				this.messages.messageFor(CommonErrorCode.VALIDATION_FAILED),
				List.of(new ErrorDetail(parameter, this.messages.text("error.reason.wholeNumberFromOne", "must be a whole number from 1"))));
		response.setStatus(CommonErrorCode.VALIDATION_FAILED.httpStatus());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), body);
	}

	private static final class Parameters extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		Parameters(HttpServletRequest request, Map<String, String[]> parameters) {
			super(request);
			this.parameters = Collections.unmodifiableMap(parameters);
		}

		@Override
		public String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values == null || values.length == 0) ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(new ArrayList<>(this.parameters.keySet()));
		}

		@Override
		public String[] getParameterValues(String name) {
			return this.parameters.get(name);
		}

	}

}
