package com.mclass.platform.web.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

import com.mclass.platform.web.security.AuthenticatedUser;

/**
 * Documents the error envelope and, on every operation, the error statuses it can answer with, so the documents the
 * gateway publishes are true to the wire without each controller listing them (and new endpoints get the same
 * treatment). The {@code ApiErrorResponse} schema carries every code the service knows ({@link ErrorCodeCatalog}) as an
 * enum. Which statuses an operation gets follows from what it is:
 * <ul>
 * <li>every operation: 401 (a bearer token that is invalid, expired or revoked is refused everywhere, and protected
 * operations need one), 429 (the gateway's rate limits), 500, 503 (a dependency or the service is down; with
 * {@code Retry-After}), and the gateway's 502 and 504 when the service answers badly or too late;</li>
 * <li>with parameters or a body: 400 ({@code VALIDATION_FAILED} naming the field, {@code MALFORMED_REQUEST});</li>
 * <li>with path variables: 404;</li>
 * <li>signed-in callers ({@link AuthenticatedUser} parameter) and {@code /api/admin/**}: 403;</li>
 * <li>changes (POST, PUT, PATCH, DELETE): 409 (the state does not allow it), and 413/415 when a body is read;</li>
 * <li>an {@code Idempotency-Key} header: 409 and 422 (the key in use, the key reused for another request).</li>
 * </ul>
 * An operation's own {@code @ApiResponse} for a status wins over the generated one.
 */
public final class ErrorResponses implements OperationCustomizer, OpenApiCustomizer {

	static final String SCHEMA = "ApiErrorResponse";

	private final ErrorCodeCatalog catalog;

	public ErrorResponses(ErrorCodeCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		Set<Integer> statuses = new TreeSet<>(List.of(401, 429, 500, 502, 503, 504));
		List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters() : List.of();
		boolean hasBody = operation.getRequestBody() != null;
		if (!parameters.isEmpty() || hasBody) {
			statuses.add(400);
		}
		if (parameters.stream().anyMatch((parameter) -> "path".equals(parameter.getIn()))) {
			statuses.add(404);
		}
		if (takesSignedInCaller(handlerMethod) || isAdmin(handlerMethod)) {
			statuses.add(403);
		}
		if (changesState(handlerMethod)) {
			statuses.add(409);
			if (hasBody) {
				statuses.add(413);
				statuses.add(415);
			}
		}
		if (parameters.stream().anyMatch((parameter) -> "header".equals(parameter.getIn())
				&& "idempotency-key".equals(parameter.getName().toLowerCase(Locale.ROOT)))) {
			statuses.add(409);
			statuses.add(422);
		}
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		for (int status : statuses) {
			String key = Integer.toString(status);
			if (!responses.containsKey(key)) {
				responses.addApiResponse(key, errorResponse(status));
			}
		}
		operation.setResponses(responses);
		return operation;
	}

	@Override
	public void customise(OpenAPI openApi) {
		boolean v31 = openApi.getSpecVersion() == SpecVersion.V31;
		if (openApi.getComponents() == null) {
			openApi.components(new io.swagger.v3.oas.models.Components());
		}
		openApi.getComponents().addSchemas(SCHEMA, envelope(v31));
		openApi.getComponents().addSchemas("ApiErrorDetail", detail(v31));
	}

	private ApiResponse errorResponse(int status) {
		List<String> codes = this.catalog.codesFor(status);
		String description = switch (status) {
			case 400 -> "The request is invalid: the details name each field, parameter or header at fault";
			case 401 -> "No valid access token (missing, invalid, expired or revoked), or wrong credentials";
			case 403 -> "The caller may not do this";
			case 404 -> "Not found";
			case 409 -> "The current state does not allow this";
			case 413 -> "The request body is too large";
			case 415 -> "The content type is not supported";
			case 422 -> "The Idempotency-Key was already used for another request";
			case 429 -> "Too many requests; try again after Retry-After seconds";
			case 500 -> "An unexpected failure (never with details)";
			case 502 -> "The gateway got a broken answer from the service";
			case 503 -> "A dependency or the service is unavailable; try again after Retry-After seconds";
			case 504 -> "The service did not answer the gateway in time";
			default -> "Error";
		};
		ApiResponse response = new ApiResponse()
			.description(description + (codes.isEmpty() ? "" : ". Codes: " + String.join(", ", codes)))
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
		if (status == 429 || status == 503) {
			response.addHeaderObject("Retry-After",
					new Header().description("Seconds to wait before trying again").schema(new Schema<>().type("integer")));
		}
		return response;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private Schema envelope(boolean v31) {
		Schema code = typed(v31, "string").description("Stable code clients switch on; never changes once published");
		code.setEnum(new ArrayList<>(this.catalog.codes()));
		Schema detailsArray = v31 ? new JsonSchema().typesItem("array").items(new JsonSchema().$ref("#/components/schemas/ApiErrorDetail"))
				: new ArraySchema().items(new Schema<>().$ref("#/components/schemas/ApiErrorDetail"));
		detailsArray.description("Present when particular fields are at fault");
		Map<String, Schema> bodyProperties = new LinkedHashMap<>();
		bodyProperties.put("code", code);
		bodyProperties.put("message", typed(v31, "string").description("Human-readable, in the request's language (Accept-Language)"));
		bodyProperties.put("details", detailsArray);
		Schema body = typed(v31, "object").required(List.of("code", "message"));
		body.setProperties(bodyProperties);
		Schema success = typed(v31, "boolean");
		success.setEnum(new ArrayList<>(List.of(false)));
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("success", success);
		properties.put("error", body);
		Schema envelope = typed(v31, "object").required(List.of("success", "error"))
			.description("The error envelope every service and the gateway answer with");
		envelope.setProperties(properties);
		return envelope;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema detail(boolean v31) {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("field", typed(v31, "string").description("JSON path, parameter or header name the client sent"));
		properties.put("reason", typed(v31, "string").description("What is wrong with it, in the request's language"));
		Schema detail = typed(v31, "object").required(List.of("field", "reason"));
		detail.setProperties(properties);
		return detail;
	}

	@SuppressWarnings("rawtypes")
	private static Schema typed(boolean v31, String type) {
		return v31 ? new JsonSchema().typesItem(type) : new Schema<>().type(type);
	}

	private static boolean takesSignedInCaller(HandlerMethod handlerMethod) {
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			if (AuthenticatedUser.class.equals(parameter.getParameterType())) {
				return true;
			}
			if (Optional.class.equals(parameter.getParameterType())
					&& AuthenticatedUser.class.equals(parameter.nested().getNestedParameterType())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isAdmin(HandlerMethod handlerMethod) {
		return paths(handlerMethod).stream().anyMatch((path) -> path.startsWith("/api/admin"));
	}

	private static boolean changesState(HandlerMethod handlerMethod) {
		if (handlerMethod.hasMethodAnnotation(GetMapping.class)) {
			return false;
		}
		if (handlerMethod.hasMethodAnnotation(DeleteMapping.class)) {
			return true;
		}
		org.springframework.web.bind.annotation.RequestMapping mapping = org.springframework.core.annotation.AnnotatedElementUtils
			.findMergedAnnotation(handlerMethod.getMethod(), org.springframework.web.bind.annotation.RequestMapping.class);
		if (mapping == null || mapping.method().length == 0) {
			return false;
		}
		for (org.springframework.web.bind.annotation.RequestMethod method : mapping.method()) {
			switch (method) {
				case POST, PUT, PATCH, DELETE -> {
					return true;
				}
				default -> {
				}
			}
		}
		return false;
	}

	private static List<String> paths(HandlerMethod handlerMethod) {
		List<String> paths = new ArrayList<>();
		org.springframework.web.bind.annotation.RequestMapping onType = org.springframework.core.annotation.AnnotatedElementUtils
			.findMergedAnnotation(handlerMethod.getBeanType(), org.springframework.web.bind.annotation.RequestMapping.class);
		org.springframework.web.bind.annotation.RequestMapping onMethod = org.springframework.core.annotation.AnnotatedElementUtils
			.findMergedAnnotation(handlerMethod.getMethod(), org.springframework.web.bind.annotation.RequestMapping.class);
		String prefix = (onType != null && onType.path().length > 0) ? onType.path()[0] : "";
		if (onMethod != null) {
			for (String path : onMethod.path()) {
				paths.add(prefix + path);
			}
			if (onMethod.path().length == 0) {
				paths.add(prefix);
			}
		}
		return paths;
	}

}
