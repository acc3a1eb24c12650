package com.mclass.auth.mailbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.mclass.auth.AuthApi;
import com.mclass.auth.AuthServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * E-mail verification and password reset, end to end: the links are read from the events auth-service hands to the
 * outbox (what notification-service turns into mail).
 */
@AuthServiceIntegrationTest
class MailboxIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	StringRedisTemplate redis;

	AuthApi api;

	@BeforeEach
	void client() {
		this.api = new AuthApi(this.port);
	}

	@Test
	void theWelcomeMailOfALocalAccountCarriesASingleUseLinkThatVerifiesTheAddress() {
		JsonNode session = this.api.register(AuthApi.uniqueEmail("verify"));
		UUID userId = AuthApi.userId(session);
		assertThat(session.path("user").path("emailVerified").asBoolean()).isFalse();
		assertThat(claim(session.path("accessToken").asString(), "email_verified")).isEqualTo("false");
		URI link = URI.create(data(userId, "UserRegistered").path("verificationUrl").asString());
		assertThat(link.toString()).startsWith("http://localhost:8080/api/auth/verify-email?token=");
		String token = UriComponentsBuilder.fromUri(link).build().getQueryParams().getFirst("token");
		assertThat(Base64.getUrlDecoder().decode(token)).as("256 random bits").hasSize(32);
		// Stored as its hash only, for 24 hours.
		assertThat(this.redis.keys("*" + token + "*")).isEmpty();
		assertThat(this.redis.getExpire("mclass:auth:mailbox:verify:" + MailboxTokens.sha256(token)))
			.isBetween(Duration.ofHours(24).minusMinutes(1).toSeconds(), Duration.ofHours(24).toSeconds());

		AuthApi.Response verified = this.api.get("/api/auth/verify-email?token=" + token);

		assertThat(verified.status()).as(verified.text()).isEqualTo(200);
		assertThat(verified.data().path("emailVerified").asBoolean()).isTrue();
		assertThat(this.api.getWithToken("/api/auth/me", session.path("accessToken").asString()).data().path("emailVerified").asBoolean())
			.isTrue();
		JsonNode refreshed = this.api.post("/api/auth/refresh", Map.of("refreshToken", session.path("refreshToken").asString())).data();
		assertThat(claim(refreshed.path("accessToken").asString(), "email_verified")).isEqualTo("true");
		// Once only, and the token is not what is stored.
		this.api.get("/api/auth/verify-email?token=" + token).assertError(400, "INVALID_VERIFICATION_TOKEN");
	}

	@Test
	void theTokenCanBePostedAndUnknownOrMissingTokensAreRefused() {
		JsonNode session = this.api.register(AuthApi.uniqueEmail("verify-post"));
		String token = token(data(AuthApi.userId(session), "UserRegistered").path("verificationUrl").asString());

		this.api.post("/api/auth/verify-email", Map.of("token", "x" + token)).assertError(400, "INVALID_VERIFICATION_TOKEN");
		AuthApi.Response verified = this.api.post("/api/auth/verify-email", Map.of("token", token));
		assertThat(verified.status()).as(verified.text()).isEqualTo(200);
		assertThat(this.api.post("/api/auth/verify-email", Map.of()).errorFields()).contains("token");
		assertThat(this.api.get("/api/auth/verify-email").status()).isEqualTo(400);
	}

	@Test
	void aRecipientGetsAtMostThreeVerificationMailsAnHour() {
		JsonNode session = this.api.register(AuthApi.uniqueEmail("resend"));
		String accessToken = session.path("accessToken").asString();

		AuthApi.Response second = this.api.postWithToken("/api/auth/verify-email/resend", null, accessToken);
		AuthApi.Response third = this.api.postWithToken("/api/auth/verify-email/resend", null, accessToken);
		AuthApi.Response fourth = this.api.postWithToken("/api/auth/verify-email/resend", null, accessToken);

		assertThat(second.status()).as(second.text()).isEqualTo(202);
		assertThat(third.status()).isEqualTo(202);
		fourth.assertError(429, "RATE_LIMITED");
		assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(3_000L, 3_600L);
		assertThat(types(AuthApi.userId(session))).filteredOn("EmailVerificationRequested"::equals).hasSize(2);
		// Any of the links works; after that the address is verified and there is nothing to resend.
		String token = token(dataOfLast(AuthApi.userId(session), "EmailVerificationRequested").path("verificationUrl").asString());
		assertThat(this.api.get("/api/auth/verify-email?token=" + token).status()).isEqualTo(200);
		this.api.postWithToken("/api/auth/verify-email/resend", null, accessToken).assertError(409, "EMAIL_ALREADY_VERIFIED");
	}

	@Test
	void aPasswordResetSetsTheNewPasswordEndsEverySessionAndVerifiesTheAddress() {
		String email = AuthApi.uniqueEmail("reset");
		JsonNode session = this.api.register(email);
		UUID userId = AuthApi.userId(session);

		AuthApi.Response requested = this.api.post("/api/auth/password-reset", Map.of("email", email.toUpperCase()));

		assertThat(requested.status()).as(requested.text()).isEqualTo(202);
		String link = awaitData(userId, "PasswordResetRequested").path("resetUrl").asString();
		assertThat(link).startsWith("http://localhost:8080/reset-password?token=");
		String token = token(link);
		AuthApi.Response weak = this.api.post("/api/auth/password-reset/confirm", Map.of("token", token, "password", "password"));
		weak.assertError(400, "VALIDATION_FAILED");
		assertThat(weak.errorFields()).containsExactly("password");

		AuthApi.Response confirmed = this.api.post("/api/auth/password-reset/confirm",
				Map.of("token", token, "password", "a brand new passphrase"));

		assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
		this.api.post("/api/auth/refresh", Map.of("refreshToken", session.path("refreshToken").asString()))
			.assertError(401, "INVALID_REFRESH_TOKEN");
		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> this.api.getWithToken("/api/auth/me", session.path("accessToken").asString())
				.assertError(401, "UNAUTHENTICATED"));
		this.api.post("/api/auth/login", Map.of("email", email, "password", AuthApi.PASSWORD)).assertError(401, "INVALID_CREDENTIALS");
		JsonNode again = this.api.login(email, "a brand new passphrase");
		assertThat(again.path("user").path("emailVerified").asBoolean()).isTrue();
		this.api.post("/api/auth/password-reset/confirm", Map.of("token", token, "password", "yet another passphrase"))
			.assertError(400, "INVALID_RESET_TOKEN");
	}

	@Test
	void anOlderResetLinkDiesOnceThePasswordChanged() {
		String email = AuthApi.uniqueEmail("reset-twice");
		UUID userId = AuthApi.userId(this.api.register(email));
		this.api.post("/api/auth/password-reset", Map.of("email", email));
		String first = token(awaitData(userId, "PasswordResetRequested").path("resetUrl").asString());
		this.api.post("/api/auth/password-reset", Map.of("email", email));
		await().atMost(Duration.ofSeconds(5)).until(() -> types(userId).stream().filter("PasswordResetRequested"::equals).count() == 2);
		String second = token(dataOfLast(userId, "PasswordResetRequested").path("resetUrl").asString());

		assertThat(this.api.post("/api/auth/password-reset/confirm", Map.of("token", second, "password", "the second passphrase"))
			.status()).isEqualTo(200);

		this.api.post("/api/auth/password-reset/confirm", Map.of("token", first, "password", "the first passphrase"))
			.assertError(400, "INVALID_RESET_TOKEN");
		assertThat(this.api.login(email, "the second passphrase").path("user").path("id").asString()).isEqualTo(userId.toString());
	}

	@Test
	void aResetRequestAnswersTheSameForUnknownAddressesAndIsRateLimitedPerRecipient() {
		AuthApi.Response unknown = this.api.post("/api/auth/password-reset", Map.of("email", AuthApi.uniqueEmail("nobody")));
		String email = AuthApi.uniqueEmail("reset-quota");
		UUID userId = AuthApi.userId(this.api.register(email));

		List<AuthApi.Response> answers = List.of(this.api.post("/api/auth/password-reset", Map.of("email", email)),
				this.api.post("/api/auth/password-reset", Map.of("email", email)),
				this.api.post("/api/auth/password-reset", Map.of("email", email)),
				this.api.post("/api/auth/password-reset", Map.of("email", email)));

		assertThat(unknown.status()).isEqualTo(202);
		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(202);
			assertThat(answer.text()).isEqualTo(unknown.text());
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> types(userId).stream().filter("PasswordResetRequested"::equals).count() == 3);
		// The fourth request is past the hourly quota: give it time to (not) arrive.
		await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
			.until(() -> types(userId).stream().filter("PasswordResetRequested"::equals).count() == 3);
		assertThat(this.api.post("/api/auth/password-reset", Map.of("email", "not an address")).errorFields()).containsExactly("email");
	}

	private JsonNode data(UUID userId, String type) {
		return AuthApi.json.readTree(JdbcClient.create(this.dataSource)
			.sql("select payload from outbox_event where message_key = ? and type = ? order by seq")
			.param(userId.toString())
			.param(type)
			.query(String.class)
			.list()
			.get(0)).path("data");
	}

	private JsonNode dataOfLast(UUID userId, String type) {
		List<String> payloads = JdbcClient.create(this.dataSource)
			.sql("select payload from outbox_event where message_key = ? and type = ? order by seq")
			.param(userId.toString())
			.param(type)
			.query(String.class)
			.list();
		return AuthApi.json.readTree(payloads.get(payloads.size() - 1)).path("data");
	}

	private JsonNode awaitData(UUID userId, String type) {
		await().atMost(Duration.ofSeconds(5)).until(() -> types(userId).contains(type));
		return data(userId, type);
	}

	private List<String> types(UUID userId) {
		return JdbcClient.create(this.dataSource)
			.sql("select type from outbox_event where message_key = ? order by seq")
			.param(userId.toString())
			.query(String.class)
			.list();
	}

	private static String token(String link) {
		return UriComponentsBuilder.fromUriString(link).build().getQueryParams().getFirst("token");
	}

	private static String claim(String jwt, String name) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		return AuthApi.json.readTree(payload).path(name).asString();
	}

}
