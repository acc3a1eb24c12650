package com.mclass.classes;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mclass.platform.test.ServiceConventionsContract;

import static org.assertj.core.api.Assertions.assertThat;

@ClassServiceIntegrationTest
class ClassServiceConventionsIntegrationTests extends ServiceConventionsContract {

	@Test
	void apiDocumentShowsNeitherTheCallerParameterNorTheInternalRead() throws Exception {
		String document = get("/v3/api-docs", Map.of()).body();
		assertThat(document).contains("/api/mclasses/{id}").doesNotContain("/internal/").doesNotContain("\"caller\"")
			.doesNotContain("\"name\":\"admin\"");
	}

}
