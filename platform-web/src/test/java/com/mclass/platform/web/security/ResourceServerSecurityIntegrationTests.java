package com.mclass.platform.web.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.platform.test.RealInfrastructure;
import com.mclass.platform.test.TestTokens;
import com.mclass.platform.web.ApiResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The token checks every service applies behind the gateway (defence in depth), over real HTTP with a real Redis
 * for revoked sessions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=security-test", "spring.web.locale=ko",
				"mclass.security.public-paths[0]=GET /api/open/**" })
@RealInfrastructure(redis = true, testTokens = true)
@Import(ResourceServerSecurityIntegrationTests.ProbeController.class)
class ResourceServerSecurityIntegrationTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RevocationMirror mirror;

	final UUID userId = UUID.randomUUID();

	@Test
	void validTokenIdentifiesTheCallerFromItsClaimsNotFromHeaders() throws Exception {
		HttpResponse<String> response = call("/api/me", TestTokens.user(this.userId), Map.of("X-User-Id", UUID.randomUUID().toString()));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode user = json.readTree(response.body()).path("data");
		assertThat(user.path("id").asString()).isEqualTo(this.userId.toString());
		assertThat(user.path("role").asString()).isEqualTo("USER");
		assertThat(user.path("signupCompleted").asBoolean()).isTrue();
	}

	@Test
	void missingTokenIsUnauthenticated() throws Exception {
		assertRefused(call("/api/me", null, Map.of()), 401, "UNAUTHENTICATED");
	}

	@Test
	void malformedTokenIsUnauthenticated() throws Exception {
		assertRefused(call("/api/me", "not-a-jwt", Map.of()), 401, "UNAUTHENTICATED");
	}

	@Test
	void unsignedTokenWithAlgNoneIsRefused() throws Exception {
		String[] parts = TestTokens.user(this.userId).split("\\.");
		String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
		assertRefused(call("/api/me", header + "." + parts[1] + ".", Map.of()), 401, "UNAUTHENTICATED");
	}

	@Test
	void hs256SignedWithThePublicKeyIsRefused() throws Exception {
		String[] parts = TestTokens.user(this.userId).split("\\.");
		String header = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + TestTokens.signingKey().getKeyID() + "\"}");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(TestTokens.signingKey().toPublicJWK().toRSAPublicKey().getEncoded(), "HmacSHA256"));
		String signature = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac.doFinal((header + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
		assertRefused(call("/api/me", header + "." + parts[1] + "." + signature, Map.of()), 401, "UNAUTHENTICATED");
	}

	@Test
	void tamperedPayloadIsRefused() throws Exception {
		String[] parts = TestTokens.user(this.userId).split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"USER\"", "\"ADMIN\"");
		String forged = parts[0] + "." + base64Url(payload) + "." + parts[2];
		assertRefused(call("/api/admin/ping", forged, Map.of()), 401, "UNAUTHENTICATED");
	}

	@Test
	void expiredTokenSaysSo() throws Exception {
		String expired = TestTokens.forUser(this.userId).expiresAt(Instant.now().minus(Duration.ofMinutes(5))).sign();
		assertRefused(call("/api/me", expired, Map.of()), 401, "TOKEN_EXPIRED");
	}

	@Test
	void foreignIssuerOrAudienceIsRefused() throws Exception {
		assertRefused(call("/api/me", TestTokens.forUser(this.userId).issuer("someone-else").sign(), Map.of()), 401, "UNAUTHENTICATED");
		assertRefused(call("/api/me", TestTokens.forUser(this.userId).audience("other-api").sign(), Map.of()), 401, "UNAUTHENTICATED");
	}

	@Test
	void revokedSessionIsRefusedWithinTheCacheWindow() throws Exception {
		String sessionId = UUID.randomUUID().toString();
		String token = TestTokens.forUser(this.userId).sessionId(sessionId).sign();
		assertThat(call("/api/me", token, Map.of()).statusCode()).isEqualTo(200);

		revokeAsAuthServiceDoes(sessionId);
		Thread.sleep(1100); // the revocation mirror, like the per-session cache, may be up to 1 s behind
		assertRefused(call("/api/me", token, Map.of()), 401, "UNAUTHENTICATED");
	}

	@Test
	void revocationsAreAnsweredFromTheMirrorWithoutAPerSessionLookup() throws Exception {
		String sessionId = UUID.randomUUID().toString();
		String token = TestTokens.forUser(this.userId).sessionId(sessionId).sign();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.mirror.answer(sessionId) == RevocationMirror.Answer.LIVE);

		// Only the sorted set, not the per-session key: refused all the same, so the mirror is what answered.
		this.redis.opsForZSet().add(RevokedSessions.REVOCATIONS_KEY, sessionId, redisTimeMillis());

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertRefused(call("/api/me", token, Map.of()), 401, "UNAUTHENTICATED"));
	}

	@Test
	void adminRoutesNeedTheAdminRole() throws Exception {
		assertRefused(call("/api/admin/ping", TestTokens.user(this.userId), Map.of()), 403, "FORBIDDEN");
		assertThat(call("/api/admin/ping", TestTokens.admin(this.userId), Map.of()).statusCode()).isEqualTo(200);
	}

	@Test
	void publicPathsNeedNoToken() throws Exception {
		HttpResponse<String> response = call("/api/open/hello", null, Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).path("data").path("signedIn").asBoolean()).isFalse();
	}

	@Test
	void refusalsAreLocalized() throws Exception {
		HttpResponse<String> korean = call("/api/me", null, Map.of());
		assertThat(json.readTree(korean.body()).path("error").path("message").asString()).isEqualTo("로그인이 필요합니다.");
		HttpResponse<String> english = call("/api/me", null, Map.of("Accept-Language", "en"));
		assertThat(json.readTree(english.body()).path("error").path("message").asString()).isEqualTo("Authentication is required.");
	}

	/** Both marks auth-service's END script sets, scored with Redis' clock like its own. */
	private void revokeAsAuthServiceDoes(String sessionId) {
		this.redis.opsForValue().set(RevokedSessions.redisKey(sessionId), "logout", Duration.ofMinutes(20));
		this.redis.opsForZSet().add(RevokedSessions.REVOCATIONS_KEY, sessionId, redisTimeMillis());
	}

	private long redisTimeMillis() {
		Long time = this.redis.execute((RedisCallback<Long>) (connection) -> connection.serverCommands().time());
		return (time != null) ? time : System.currentTimeMillis();
	}

	private HttpResponse<String> call(String path, String token, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertRefused(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).isEqualTo(status);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("success").asBoolean(true)).isFalse();
		assertThat(body.path("error").path("code").asString()).isEqualTo(code);
	}

	private static String base64Url(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	@RestController
	static class ProbeController {

		@GetMapping("/api/me")
		ApiResponse<AuthenticatedUser> me(AuthenticatedUser user) {
			return ApiResponse.ok(user);
		}

		@GetMapping("/api/admin/ping")
		ApiResponse<String> adminPing() {
			return ApiResponse.ok("pong");
		}

		@GetMapping("/api/open/hello")
		ApiResponse<Map<String, Boolean>> hello(java.util.Optional<AuthenticatedUser> user) {
			return ApiResponse.ok(Map.of("signedIn", user.isPresent()));
		}

	}

	@SpringBootApplication
	static class SecurityTestApplication {

	}

}
