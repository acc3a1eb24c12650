package com.mclass.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mclass.gateway.GatewayIntegrationTest;
import com.mclass.gateway.StubService;
import com.mclass.platform.test.TestTokens;
import com.mclass.platform.web.security.RevocationMirror;
import com.mclass.platform.web.security.RevokedSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The token checks at the gateway, over real HTTP, with a real Redis for revoked sessions. */
class AccessTokenIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	WebTestClient client;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	RevocationMirror mirror;

	final UUID userId = UUID.randomUUID();

	@Test
	void refusesAProtectedRouteWithoutATokenBeforeAnyServiceSeesIt() {
		this.client.get()
			.uri("/api/enrollments/no-token")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer")
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.json("""
					{"success":false,"error":{"code":"UNAUTHENTICATED","message":"로그인이 필요합니다."}}""", true);

		assertThat(ENROLLMENT.receivedOn("/api/enrollments/no-token")).isEmpty();
	}

	@Test
	void refusesInEnglishWhenTheClientPrefersIt() {
		this.client.get()
			.uri("/api/enrollments/my")
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error.message")
			.isEqualTo("Authentication is required.");
	}

	@Test
	void passesAValidTokenAndForwardsItUnchanged() {
		String token = TestTokens.user(this.userId);

		callWith(token, "/api/enrollments/valid-token").expectStatus().isOk();

		assertThat(ENROLLMENT.receivedOn("/api/enrollments/valid-token").orElseThrow().header("Authorization"))
			.isEqualTo("Bearer " + token);
	}

	@Test
	void neverForwardsIdentityHeadersTheClientMadeUp() {
		this.client.get()
			.uri("/api/enrollments/spoofed-identity")
			.headers((headers) -> headers.setBearerAuth(TestTokens.user(this.userId)))
			.header("X-User-Id", UUID.randomUUID().toString())
			.header("X-User-Role", "ADMIN")
			.header("X-Authenticated-User", "admin@mclass.local")
			.header("X-Auth-Request-Email", "admin@mclass.local")
			.exchange()
			.expectStatus()
			.isOk();

		StubService.ReceivedRequest received = ENROLLMENT.receivedOn("/api/enrollments/spoofed-identity").orElseThrow();
		assertThat(received.headers().keySet()).noneMatch((name) -> name.toLowerCase().startsWith("x-user")
				|| name.toLowerCase().startsWith("x-auth"));
		assertThat(received.header("Authorization")).startsWith("Bearer ");
	}

	@Test
	void refusesAMalformedToken() {
		assertRefused(callWith("not-a-jwt", "/api/enrollments/my"), "UNAUTHENTICATED");
	}

	@Test
	void refusesAnUnsignedTokenWithAlgNone() {
		String[] parts = TestTokens.user(this.userId).split("\\.");
		String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

		assertRefused(callWith(unsigned, "/api/enrollments/my"), "UNAUTHENTICATED");
	}

	@Test
	void refusesAnHs256TokenKeyedWithThePublicKey() throws Exception {
		String[] parts = TestTokens.user(this.userId).split("\\.");
		String header = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + TestTokens.signingKey().getKeyID() + "\"}");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(TestTokens.signingKey().toPublicJWK().toRSAPublicKey().getEncoded(), "HmacSHA256"));
		String signature = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac.doFinal((header + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));

		assertRefused(callWith(header + "." + parts[1] + "." + signature, "/api/enrollments/my"), "UNAUTHENTICATED");
	}

	@Test
	void refusesATamperedPayloadThatMakesAUserAnAdmin() {
		String[] parts = TestTokens.user(this.userId).split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"USER\"", "\"ADMIN\"");
		String forged = parts[0] + "." + base64Url(payload) + "." + parts[2];

		assertRefused(callWith(forged, "/api/admin/enrollments/tampered"), "UNAUTHENTICATED");
		assertThat(ENROLLMENT.receivedOn("/api/admin/enrollments/tampered")).isEmpty();
	}

	@Test
	void tellsAnExpiredTokenApartSoThatClientsRefresh() {
		String expired = TestTokens.forUser(this.userId).expiresAt(Instant.now().minus(Duration.ofMinutes(5))).sign();

		callWith(expired, "/api/enrollments/my").expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
			.expectBody()
			.json("""
					{"success":false,"error":{"code":"TOKEN_EXPIRED","message":"액세스 토큰이 만료되었습니다."}}""", true);
	}

	@Test
	void refusesAForeignIssuerOrAudience() {
		assertRefused(callWith(TestTokens.forUser(this.userId).issuer("someone-else").sign(), "/api/enrollments/my"),
				"UNAUTHENTICATED");
		assertRefused(callWith(TestTokens.forUser(this.userId).audience("other-api").sign(), "/api/enrollments/my"),
				"UNAUTHENTICATED");
	}

	@Test
	void refusesATokenWithoutSessionOrRole() {
		assertRefused(callWith(TestTokens.forUser(this.userId).sessionId(null).sign(), "/api/enrollments/my"),
				"UNAUTHENTICATED");
		assertRefused(callWith(TestTokens.forUser(this.userId).role(null).sign(), "/api/enrollments/my"),
				"UNAUTHENTICATED");
	}

	@Test
	void refusesARevokedSessionWithinTheCacheWindow() throws InterruptedException {
		String sessionId = UUID.randomUUID().toString();
		String token = TestTokens.forUser(this.userId).sessionId(sessionId).sign();
		callWith(token, "/api/enrollments/before-logout").expectStatus().isOk();

		AuthServiceRevocations.revoke(this.redis, sessionId);
		// The revocation mirror answers only while its last poll is less than 1 s old, a per-session lookup for 1 s.
		Thread.sleep(1100);

		assertRefused(callWith(token, "/api/enrollments/after-logout"), "UNAUTHENTICATED");
		assertThat(ENROLLMENT.receivedOn("/api/enrollments/after-logout")).isEmpty();
	}

	@Test
	void answersRevocationsFromTheMirrorNotFromAPerSessionLookup() {
		String sessionId = UUID.randomUUID().toString();
		String token = TestTokens.forUser(this.userId).sessionId(sessionId).sign();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.mirror.answer(sessionId) == RevocationMirror.Answer.LIVE);

		// Only the sorted set, not the per-session key: refused all the same, so the mirror is what answered.
		Long redisNow = this.redis.execute((connection) -> connection.serverCommands().time()).blockFirst();
		this.redis.opsForZSet().add(RevokedSessions.REVOCATIONS_KEY, sessionId, redisNow).block();

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertRefused(callWith(token, "/api/enrollments/mirror-only"), "UNAUTHENTICATED"));
	}

	@Test
	void keepsAdminRoutesForAdmins() {
		callWith(TestTokens.user(this.userId), "/api/admin/enrollments/by-user").expectStatus()
			.isForbidden()
			.expectBody()
			.json("""
					{"success":false,"error":{"code":"FORBIDDEN","message":"이 작업을 수행할 권한이 없습니다."}}""", true);
		assertThat(ENROLLMENT.receivedOn("/api/admin/enrollments/by-user")).isEmpty();

		callWith(TestTokens.admin(this.userId), "/api/admin/enrollments/by-admin").expectStatus().isOk();
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "POST, /api/auth/register", "POST, /api/auth/login", "POST, /api/auth/refresh",
			"POST, /api/auth/social/exchange", "GET, /api/auth/google", "GET, /api/auth/kakao/callback",
			"GET, /api/auth/verify-email", "POST, /api/auth/verify-email", "POST, /api/auth/password-reset",
			"POST, /api/auth/password-reset/confirm",
			"GET, /api/terms", "GET, /api/mclasses", "GET, /api/mclasses/42", "GET, /api/mclasses/42/enrollment-form",
			"GET, /api/mclasses/42/availability", "GET, /v3/api-docs/class" })
	void letsAnyoneUseThePublicRoutes(String method, String path) {
		this.client.method(HttpMethod.valueOf(method)).uri(path).exchange().expectStatus().isOk();
	}

	@ParameterizedTest
	@CsvSource({ "/api/unknown", "/internal/users/1", "/actuator/env" })
	void answersNotFoundForPathsNoRouteServesWhoeverAsks(String path) {
		this.client.get().uri(path).exchange().expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
	}

	@Test
	void ignoresAStaleTokenOnTheSignInActions() {
		String expired = TestTokens.forUser(this.userId).expiresAt(java.time.Instant.now().minusSeconds(600)).sign();
		this.client.post()
			.uri("/api/auth/refresh")
			.headers((headers) -> headers.setBearerAuth(expired))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, /api/auth/me", "POST, /api/auth/logout", "POST, /api/auth/logout-all", "POST, /api/auth/complete-signup",
			"POST, /api/auth/verify-email/resend",
			"POST, /api/terms/3/agree", "POST, /api/mclasses", "PUT, /api/mclasses/42",
			"GET, /api/mclasses/42/enrollments", "POST, /api/mclasses/42/enrollments", "GET, /api/auth/github" })
	void asksForALoginEverywhereElse(String method, String path) {
		this.client.method(HttpMethod.valueOf(method))
			.uri(path)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void checksATokenSentToAPublicRouteToo() {
		String expired = TestTokens.forUser(this.userId).expiresAt(Instant.now().minus(Duration.ofMinutes(5))).sign();

		assertRefused(callWith(expired, "/api/mclasses/42"), "TOKEN_EXPIRED");
	}

	private WebTestClient.ResponseSpec callWith(String token, String path) {
		return this.client.get().uri(path).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private static void assertRefused(WebTestClient.ResponseSpec response, String code) {
		response.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.error.code")
			.isEqualTo(code);
	}

	private static String base64Url(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
