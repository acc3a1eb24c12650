package com.mclass.platform.web.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Leaves {@code /internal/**} out of the API documents: the gateway never routes those paths (they are for other
 * services, e.g. the dashboard's stats), so the documents the gateway publishes describe only what a client can call.
 */
public final class InternalPathsHidden implements OpenApiCustomizer {

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() != null) {
			openApi.getPaths().keySet().removeIf((path) -> path.equals("/internal") || path.startsWith("/internal/"));
		}
	}

}
