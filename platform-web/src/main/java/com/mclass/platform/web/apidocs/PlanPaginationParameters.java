package com.mclass.platform.web.apidocs;

import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.web.method.HandlerMethod;

/**
 * Documents the plan's pagination ({@code page} from 1 with {@code limit}) on every list that takes {@code page} and
 * {@code size}; platform-web's {@code PlanPagination} filter does the mapping.
 */
public final class PlanPaginationParameters implements OperationCustomizer {

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		List<Parameter> parameters = operation.getParameters();
		if (parameters == null) {
			return operation;
		}
		Parameter page = query(parameters, "page");
		if (page == null || query(parameters, "size") == null || query(parameters, "limit") != null) {
			return operation;
		}
		page.description("Page number: from 0 with `size`; from 1 when the request uses `limit` (the plan's pagination)");
		operation.addParametersItem(new Parameter().in("query")
			.name("limit")
			.required(false)
			.description("The plan's page size: when present, `page` counts from 1 (default 1) and `size` is taken from here")
			.schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)));
		return operation;
	}

	private static Parameter query(List<Parameter> parameters, String name) {
		return parameters.stream().filter((parameter) -> "query".equals(parameter.getIn()) && name.equals(parameter.getName()))
			.findFirst().orElse(null);
	}

}
