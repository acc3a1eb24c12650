package com.mclass.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every MClass servlet service promises operators and clients, checked against the running service over real
 * HTTP: probes, metrics, API docs, migrations applied, and errors in the envelope in the client's language. Each
 * service extends it in a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} with {@link RealInfrastructure}.
 */
public abstract class ServiceConventionsContract {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	protected int port;

	/** Actuator's own port (management.server.port; random in tests): probes and metrics, never the public port. */
	@LocalManagementPort
	protected int managementPort;

	@Value("${spring.application.name}")
	protected String applicationName;

	@Autowired
	protected DataSource dataSource;

	@Autowired
	private HealthEndpointGroups healthGroups;

	@Test
	void readinessAndLivenessProbesAreUp() throws Exception {
		for (String probe : new String[] { "/actuator/health/readiness", "/actuator/health/liveness" }) {
			HttpResponse<String> response = getManagement(probe);
			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(json.readTree(response.body()).path("status").asString()).as(probe).isEqualTo("UP");
		}
	}

	@Test
	void readinessIncludesTheDatabase() {
		// Out of rotation while the database is unreachable: every request of the service needs it.
		HealthEndpointGroup readiness = this.healthGroups.get("readiness");
		assertThat(readiness).as("the readiness group").isNotNull();
		assertThat(readiness.isMember("db")).as("db is a member of the readiness group").isTrue();
		assertThat(readiness.isMember("readinessState")).isTrue();
	}

	@Test
	void prometheusScrapeCarriesTheApplicationTag() throws Exception {
		HttpResponse<String> response = getManagement("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes")
			.contains("application=\"" + this.applicationName + "\"");
	}

	@Test
	void actuatorEndpointsBeyondProbesAndMetricsAreNotExposed() throws Exception {
		assertThat(getManagement("/actuator/env").statusCode()).isEqualTo(404);
		assertThat(getManagement("/actuator/heapdump").statusCode()).isEqualTo(404);
	}

	@Test
	void thePublicPortServesNoActuatorEndpoint() throws Exception {
		for (String path : new String[] { "/actuator/prometheus", "/actuator/health", "/actuator/health/readiness" }) {
			HttpResponse<String> response = get(path, Map.of());
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertEnvelope(response, "NOT_FOUND");
		}
	}

	@Test
	void unknownRouteAnswersTheEnvelopeInKoreanByDefault() throws Exception {
		HttpResponse<String> response = get("/api/does-not-exist", Map.of());
		assertThat(response.statusCode()).isEqualTo(404);
		JsonNode error = assertEnvelope(response, "NOT_FOUND");
		assertThat(error.path("message").asString()).isEqualTo("요청한 리소스를 찾을 수 없습니다.");
	}

	@Test
	void unknownRouteAnswersInEnglishWhenAsked() throws Exception {
		HttpResponse<String> response = get("/api/does-not-exist", Map.of("Accept-Language", "en-US,en;q=0.9"));
		assertThat(response.statusCode()).isEqualTo(404);
		JsonNode error = assertEnvelope(response, "NOT_FOUND");
		assertThat(error.path("message").asString()).isEqualTo("The resource was not found.");
	}

	@Test
	void openApiDocumentIsPublished() throws Exception {
		HttpResponse<String> response = get("/v3/api-docs", Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode document = json.readTree(response.body());
		assertThat(document.path("openapi").asString()).startsWith("3.");
		assertThat(document.path("info").path("title").asString()).isEqualTo("MClass " + this.applicationName);
	}

	@Test
	void databaseIsMigratedByFlyway() {
		Integer applied = new JdbcTemplate(this.dataSource)
			.queryForObject("select count(*) from flyway_schema_history where success and version = '1'", Integer.class);
		assertThat(applied).isEqualTo(1);
	}

	protected HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.GET();
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	protected HttpResponse<String> getManagement(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + path))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Asserts the error envelope shape with the given code and returns its {@code error} object. */
	protected static JsonNode assertEnvelope(HttpResponse<String> response, String code) {
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("success").asBoolean(true)).isFalse();
		assertThat(body.path("error").path("code").asString()).isEqualTo(code);
		assertThat(body.path("error").path("message").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
		return body.path("error");
	}

}
