package com.mclass.platform.web.apidocs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.ErrorCode;
import com.mclass.platform.web.servlet.ApiDocsAutoConfiguration;
import com.mclass.platform.web.servlet.PlanPaginationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What platform-web adds to every service's OpenAPI document, read from the generated document itself. */
@WebMvcTest(controllers = ApiDocumentsTests.ShelfController.class, properties = { "spring.application.name=sample-service",
		"spring.web.locale=en" })
@Import(ApiDocumentsTests.ShelfController.class)
@ImportAutoConfiguration({ SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocWebMvcConfiguration.class,
		ApiDocsAutoConfiguration.class, PlanPaginationAutoConfiguration.class })
class ApiDocumentsTests {

	@Autowired
	MockMvc mvc;

	private JsonNode document() throws Exception {
		String body = this.mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return JsonMapper.builder().build().readTree(body);
	}

	@Test
	void theErrorEnvelopeIsOneSchemaWhoseCodesAreThePlatformsAndTheServicesOwn() throws Exception {
		JsonNode envelope = document().path("components").path("schemas").path("ApiErrorResponse");
		List<String> codes = envelope.path("properties").path("error").path("properties").path("code").path("enum").valueStream()
			.map(JsonNode::asString).toList();
		assertThat(codes).contains("VALIDATION_FAILED", "UNAUTHENTICATED", "NOT_FOUND", "RATE_LIMITED", "SERVICE_UNAVAILABLE",
				"SHELF_FULL");
		assertThat(envelope.path("required").valueStream().map(JsonNode::asString).toList()).containsExactly("success", "error");
	}

	@Test
	void eachOperationDocumentsTheErrorsItCanAnswerWith() throws Exception {
		JsonNode paths = document().path("paths");
		JsonNode put = paths.path("/shelves/{id}").path("put").path("responses");
		assertThat(put.propertyNames()).contains("200", "400", "401", "404", "409", "413", "415", "429", "500", "503");
		assertThat(put.path("409").path("content").path("application/json").path("schema").path("$ref").asString())
			.isEqualTo("#/components/schemas/ApiErrorResponse");
		assertThat(put.path("409").path("description").asString()).contains("SHELF_FULL");
		assertThat(put.path("503").path("headers").has("Retry-After")).isTrue();
		JsonNode list = paths.path("/shelves").path("get").path("responses");
		assertThat(list.propertyNames()).contains("200", "400", "401", "429", "503").doesNotContain("404", "409");
	}

	@Test
	void recordFieldsThatCanBeNullAreNullableAndTheOthersAreNot() throws Exception {
		JsonNode shelf = document().path("components").path("schemas").path("Shelf").path("properties");
		assertThat(types(shelf.path("label"))).containsExactlyInAnyOrder("string", "null");
		assertThat(types(shelf.path("closedAt"))).containsExactlyInAnyOrder("string", "null");
		assertThat(types(shelf.path("books"))).containsExactlyInAnyOrder("integer");
		assertThat(shelf.path("location").path("anyOf").toString()).contains("#/components/schemas/Location").contains("null");
		JsonNode request = document().path("components").path("schemas").path("ShelfRequest").path("properties");
		assertThat(types(request.path("label"))).containsExactly("string");
	}

	@Test
	void pathsTheGatewayNeverRoutesAreLeftOut() throws Exception {
		assertThat(document().path("paths").propertyNames()).contains("/shelves").doesNotContain("/internal/shelves");
	}

	@Test
	void listsDocumentThePlansLimitBesideSize() throws Exception {
		JsonNode parameters = document().path("paths").path("/shelves").path("get").path("parameters");
		assertThat(parameters.valueStream().map((parameter) -> parameter.path("name").asString()).toList()).contains("page", "size",
				"limit");
	}

	@Test
	void aListTakesThePlansPageFromOneAndLimit() throws Exception {
		this.mvc.perform(get("/shelves").param("page", "1").param("limit", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.page").value(0))
			.andExpect(jsonPath("$.data.size").value(5));
		this.mvc.perform(get("/shelves").param("page", "3").param("size", "7"))
			.andExpect(jsonPath("$.data.page").value(3))
			.andExpect(jsonPath("$.data.size").value(7));
		this.mvc.perform(get("/shelves").param("limit", "10")).andExpect(jsonPath("$.data.page").value(0));
	}

	@Test
	void aPlanStylePageBelowOneOrABadLimitIsA400NamingIt() throws Exception {
		this.mvc.perform(get("/shelves").param("page", "0").param("limit", "5"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.error.details[0].field").value("page"));
		this.mvc.perform(get("/shelves").param("limit", "lots"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error.details[0].field").value("limit"));
	}

	private static List<String> types(JsonNode property) {
		JsonNode type = property.path("type");
		return type.isArray() ? type.valueStream().map(JsonNode::asString).toList() : List.of(type.asString());
	}

	record Location(String city) {
	}

	record Shelf(long id, String label, int books, Instant closedAt, Location location) {
	}

	record ShelfRequest(@NotNull String label) {
	}

	record Paging(int page, int size) {
	}

	@RestController
	static class ShelfController {

		@GetMapping("/shelves")
		ApiResponse<Paging> list(@RequestParam(defaultValue = "0") @Min(0) int page,
				@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
			return ApiResponse.ok(new Paging(page, size));
		}

		@PutMapping("/shelves/{id}")
		ApiResponse<Shelf> rename(@PathVariable long id, @RequestBody @Valid ShelfRequest request) {
			return ApiResponse.ok(new Shelf(id, request.label(), 0, null, null));
		}

		@GetMapping("/internal/shelves")
		Map<String, Object> internal() {
			return Map.of();
		}

		@GetMapping("/shelves/{id}/meta")
		Map<String, Object> meta(@PathVariable long id) {
			return Map.of();
		}

	}

	@SpringBootApplication
	static class SampleApplication {

	}

}
