package com.mclass.notification.outbox.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.mclass.notification.NotificationIntegrationTest;
import com.mclass.notification.TestEvents;
import com.mclass.notification.TestSmtp;
import com.mclass.notification.outbox.EmailOutbox;
import com.mclass.notification.outbox.EmailStatus;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin view of the outbox and its retry, and the internal stats, over real HTTP with real tokens.
 */
@NotificationIntegrationTest
class AdminNotificationApiIntegrationTests {

	@RegisterExtension
	static final GreenMailExtension smtp = TestSmtp.server();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String ADMIN = TestTokens.admin(UUID.randomUUID());

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmailOutbox outbox;

	@Test
	void listsTheOutboxNewestFirstFilteredAndPaged() throws Exception {
		String recipient = TestEvents.freshAddress();
		UUID oldest = row(recipient, "ENROLLMENT_APPLIED", EmailStatus.SENT, 3);
		UUID middle = row(recipient, "ENROLLMENT_APPROVED", EmailStatus.FAILED, 2);
		UUID newest = row(recipient, "WELCOME", EmailStatus.FAILED, 1);

		JsonNode firstPage = ok(get("/api/admin/notifications?recipient=" + recipient.toUpperCase() + "&size=2", ADMIN));
		assertThat(firstPage.path("data").valueStream().map((email) -> email.path("id").asString()))
			.containsExactly(newest.toString(), middle.toString());
		assertThat(firstPage.path("meta").path("page").asInt()).isZero();
		assertThat(firstPage.path("meta").path("size").asInt()).isEqualTo(2);
		assertThat(firstPage.path("meta").path("totalElements").asLong()).isEqualTo(3);
		assertThat(firstPage.path("meta").path("totalPages").asInt()).isEqualTo(2);
		JsonNode secondPage = ok(get("/api/admin/notifications?recipient=" + recipient + "&size=2&page=1", ADMIN));
		assertThat(secondPage.path("data").valueStream().map((email) -> email.path("id").asString())).containsExactly(oldest.toString());

		JsonNode failed = ok(get("/api/admin/notifications?recipient=" + recipient + "&status=FAILED", ADMIN));
		assertThat(failed.path("data").valueStream().map((email) -> email.path("id").asString()))
			.containsExactly(newest.toString(), middle.toString());
		JsonNode welcome = ok(get("/api/admin/notifications?recipient=" + recipient + "&type=WELCOME&status=FAILED", ADMIN));
		assertThat(welcome.path("data")).hasSize(1);
		JsonNode email = welcome.path("data").get(0);
		assertThat(email.path("recipient").asString()).isEqualTo(recipient);
		assertThat(email.path("status").asString()).isEqualTo("FAILED");
		assertThat(email.path("attempts").asInt()).isEqualTo(4);
		assertThat(email.path("error").asString()).isEqualTo("MailSendException: connection refused");
		assertThat(email.has("nextTryAt")).isTrue();
		assertThat(email.has("htmlBody")).isFalse();
	}

	@Test
	void retryingAFailedEmailSendsItOnceMore() throws Exception {
		String recipient = TestEvents.freshAddress();
		UUID id = row(recipient, "ENROLLMENT_APPROVED", EmailStatus.FAILED, 0);

		JsonNode retried = ok(post("/api/admin/notifications/" + id + "/retry", ADMIN));
		assertThat(retried.path("data").path("status").asString()).isEqualTo("PENDING");
		assertThat(retried.path("data").path("attempts").asInt()).isEqualTo(4);

		await().atMost(Duration.ofSeconds(10)).until(() -> this.outbox.find(id).orElseThrow().status() == EmailStatus.SENT);
		assertThat(TestSmtp.to(smtp, recipient)).hasSize(1);
	}

	@Test
	void aSentEmailCannotBeRetried() throws Exception {
		UUID id = row(TestEvents.freshAddress(), "ENROLLMENT_APPROVED", EmailStatus.SENT, 0);

		HttpResponse<String> response = post("/api/admin/notifications/" + id + "/retry", ADMIN);

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(error(response).path("code").asString()).isEqualTo("EMAIL_ALREADY_SENT");
		assertThat(error(response).path("message").asString()).isEqualTo("이미 발송된 메일은 다시 보낼 수 없습니다.");
	}

	@Test
	void retryingAnUnknownEmailIsNotFound() throws Exception {
		HttpResponse<String> response = post("/api/admin/notifications/" + UUID.randomUUID() + "/retry", ADMIN);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(error(response).path("code").asString()).isEqualTo("NOT_FOUND");
	}

	@ParameterizedTest
	@CsvSource({ "GET, /api/admin/notifications", "POST, /api/admin/notifications/00000000-0000-4000-8000-000000000000/retry" })
	void adminEndpointsRefuseAnonymousCallersAndUsers(String method, String path) throws Exception {
		HttpResponse<String> anonymous = send(method, path, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(error(anonymous).path("code").asString()).isEqualTo("UNAUTHENTICATED");

		HttpResponse<String> user = send(method, path, TestTokens.user(UUID.randomUUID()));
		assertThat(user.statusCode()).isEqualTo(403);
		assertThat(error(user).path("code").asString()).isEqualTo("FORBIDDEN");
	}

	@ParameterizedTest
	@CsvSource({ "GET, /api/admin/notifications?status=LOST, status", "GET, /api/admin/notifications?type=SMS, type",
			"GET, /api/admin/notifications?size=0, size", "GET, /api/admin/notifications?size=101, size",
			"GET, /api/admin/notifications?page=-1, page", "POST, /api/admin/notifications/not-a-uuid/retry, id" })
	void badInputIsRefusedNamingTheField(String method, String path, String field) throws Exception {
		HttpResponse<String> response = send(method, path, ADMIN);

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = error(response);
		assertThat(error.path("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(error.path("details").valueStream().map((detail) -> detail.path("field").asString())).containsExactly(field);
	}

	@Test
	void internalStatsCountTheOutboxForAServiceToken() throws Exception {
		row(TestEvents.freshAddress(), "ENROLLMENT_APPROVED", EmailStatus.FAILED, 0);

		JsonNode stats = ok(get("/internal/stats", TestTokens.service("enrollment-service"))).path("data");

		assertThat(stats.path("failed").asLong()).isPositive();
		assertThat(stats.path("sent").isNumber()).isTrue();
		assertThat(stats.path("pending").isNumber()).isTrue();
		assertThat(stats.path("oldestPendingAgeSeconds").isNumber()).isTrue();
	}

	@Test
	void internalStatsRefuseAnonymousCallersAndUsersTokens() throws Exception {
		assertThat(send("GET", "/internal/stats", null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/internal/stats", ADMIN).statusCode()).isEqualTo(401);
	}

	@Test
	void prometheusShowsTheOutboxMetrics() throws Exception {
		String recipient = TestEvents.freshAddress();
		UUID id = row(recipient, "ENROLLMENT_APPROVED", EmailStatus.FAILED, 0);
		ok(post("/api/admin/notifications/" + id + "/retry", ADMIN));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.outbox.find(id).orElseThrow().status() == EmailStatus.SENT);

		HttpResponse<String> scrape = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(scrape.body()).contains("mclass_notification_pending{")
			.contains("mclass_notification_oldest_pending_age_seconds{")
			.contains("mclass_notification_sent_total{")
			.contains("mclass_notification_email_send_seconds_count{");
	}

	/**
	 * An outbox row in the given state, created {@code ageSeconds} ago and not due before an hour from now, so the
	 * sender leaves it alone unless a test retries it.
	 */
	private UUID row(String recipient, String type, EmailStatus status, int ageSeconds) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into email_outbox (id, event_id, type, recipient, locale, subject, template, payload, html_body, text_body,
				                          status, attempts, error, next_try_at, processed_at, created_at)
				values (:id, :eventId, :type, :recipient, 'ko', '[MClass] 테스트', 'mail/enrollment', '{}', '<p>테스트</p>', '테스트',
				        :status, 4, 'MailSendException: connection refused', now() + interval '1 hour',
				        case when :status = 'SENT' then now() end, now() - make_interval(secs => :age))
				""")
			.param("id", id)
			.param("eventId", UUID.randomUUID())
			.param("type", type)
			.param("recipient", recipient)
			.param("status", status.name())
			.param("age", ageSeconds)
			.update();
		return id;
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return send("GET", path, token);
	}

	private HttpResponse<String> post(String path, String token) throws Exception {
		return send("POST", path, token);
	}

	private HttpResponse<String> send(String method, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("success").asBoolean()).isTrue();
		return body;
	}

	private static JsonNode error(HttpResponse<String> response) {
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("success").asBoolean(true)).isFalse();
		return body.path("error");
	}

}
