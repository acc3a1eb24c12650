package com.mclass.auth.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.mclass.auth.AuthApi;
import com.mclass.auth.AuthServiceIntegrationTest;
import com.mclass.platform.web.security.RevokedSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The security matrix: every way a token can be wrong, against a user route ({@code /api/auth/me}) and an admin
 * route ({@code /api/admin/users}). Forged tokens are built here; "real" ones come from the service or are signed
 * with its active key to bend one claim at a time.
 */
@AuthServiceIntegrationTest
class AccessTokenSecurityIntegrationTests {

	private static final String ME = "/api/auth/me";

	private static final String ADMIN = "/api/admin/users";

	@LocalServerPort
	int port;

	@Autowired
	SigningKeys keys;

	@Autowired
	StringRedisTemplate redis;

	AuthApi api;

	JsonNode user;

	@BeforeEach
	void registerUser() {
		this.api = new AuthApi(this.port);
		this.user = this.api.register(AuthApi.uniqueEmail("matrix"));
	}

	@Test
	void aGenuineTokenOpensUserRoutesButNotAdminRoutes() {
		String token = this.user.path("accessToken").asString();
		assertThat(this.api.getWithToken(ME, token).status()).isEqualTo(200);
		this.api.getWithToken(ADMIN, token).assertError(403, "FORBIDDEN");
	}

	@Test
	void anAdminTokenOpensAdminRoutes() {
		AuthApi.Response users = this.api.getWithToken(ADMIN, this.api.adminAccessToken());
		assertThat(users.status()).as(users.text()).isEqualTo(200);
	}

	@Test
	void noToken() {
		refusedEverywhere(null, "UNAUTHENTICATED");
		AuthApi.Response response = this.api.get(ME);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void malformedTokens() {
		refusedEverywhere("not-a-jwt", "UNAUTHENTICATED");
		refusedEverywhere("a.b.c", "UNAUTHENTICATED");
		refusedEverywhere(this.user.path("accessToken").asString() + "x", "UNAUTHENTICATED");
	}

	@Test
	void unsignedTokenWithAlgNone() {
		String unsigned = new PlainJWT(claims((c) -> c.claim("role", "ADMIN"))).serialize();
		refusedEverywhere(unsigned, "UNAUTHENTICATED");
	}

	@Test
	void hs256SignedWithThePublicKeyBytes() throws Exception {
		// The classic algorithm-confusion attack: a verifier that trusts the header would use the public key as an HMAC secret.
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(this.keys.active().kid()).build(),
				claims((c) -> c.claim("role", "ADMIN")));
		forged.sign(new MACSigner(this.keys.active().publicKey().getEncoded()));
		refusedEverywhere(forged.serialize(), "UNAUTHENTICATED");
	}

	@Test
	void tamperedPayload() {
		String[] parts = this.user.path("accessToken").asString().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String otherUser = payload.replace(this.user.path("user").path("id").asString(), UUID.randomUUID().toString());
		refusedEverywhere(parts[0] + "." + encode(otherUser) + "." + parts[2], "UNAUTHENTICATED");
	}

	@Test
	void roleChangedInThePayload() {
		String[] parts = this.user.path("accessToken").asString().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		assertThat(payload).contains("\"role\":\"USER\"");
		String promoted = parts[0] + "." + encode(payload.replace("\"role\":\"USER\"", "\"role\":\"ADMIN\"")) + "." + parts[2];
		refusedEverywhere(promoted, "UNAUTHENTICATED");
	}

	@Test
	void expiredToken() {
		Instant past = Instant.now().minus(Duration.ofMinutes(30));
		String expired = signed(claims((c) -> c.issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofMinutes(15))))));
		refusedEverywhere(expired, "TOKEN_EXPIRED");
	}

	@Test
	void wrongIssuer() {
		refusedEverywhere(signed(claims((c) -> c.issuer("someone-else"))), "UNAUTHENTICATED");
	}

	@Test
	void wrongAudience() {
		refusedEverywhere(signed(claims((c) -> c.audience("another-api"))), "UNAUTHENTICATED");
	}

	@Test
	void missingSession() {
		refusedEverywhere(signed(claims((c) -> c.claim("sid", null))), "UNAUTHENTICATED");
	}

	@Test
	void signedByAKeyWeNeverPublished() throws Exception {
		RSAKey stranger = new RSAKeyGenerator(2048).keyID(this.keys.active().kid()).generate();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stranger.getKeyID()).build(), claims((c) -> {
		}));
		forged.sign(new RSASSASigner(stranger));
		refusedEverywhere(forged.serialize(), "UNAUTHENTICATED");
	}

	@Test
	void revokedSession() {
		String token = this.user.path("accessToken").asString();
		String sessionId = claim(token, "sid");
		this.redis.opsForValue().set(RevokedSessions.redisKey(sessionId), "test", Duration.ofMinutes(20));
		// Resource servers answer from their mirror of this set while it is current, as auth-service's scripts fill it.
		Long redisNow = this.redis.execute((RedisCallback<Long>) (connection) -> connection.serverCommands().time());
		this.redis.opsForZSet().add(RevokedSessions.REVOCATIONS_KEY, sessionId, redisNow);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> this.api.getWithToken(ME, token).assertError(401, "UNAUTHENTICATED"));
	}

	@Test
	void jwksPublishesTheSigningKeyWithoutItsPrivateParts() {
		AuthApi.Response jwks = this.api.get("/.well-known/jwks.json");
		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.header("Content-Type")).startsWith("application/json");
		assertThat(jwks.header("Cache-Control")).contains("max-age");
		JsonNode key = jwks.body().path("keys").get(0);
		List<String> kids = new ArrayList<>();
		jwks.body().path("keys").forEach((published) -> kids.add(published.path("kid").asString()));
		assertThat(kids).contains(header(this.user.path("accessToken").asString(), "kid"));
		assertThat(key.path("kty").asString()).isEqualTo("RSA");
		assertThat(key.path("alg").asString()).isEqualTo("RS256");
		assertThat(key.path("use").asString()).isEqualTo("sig");
		assertThat(key.has("d")).isFalse();
		assertThat(key.has("p")).isFalse();
	}

	private void refusedEverywhere(String token, String code) {
		for (String path : new String[] { ME, ADMIN }) {
			AuthApi.Response response = (token == null) ? this.api.get(path) : this.api.getWithToken(path, token);
			response.assertError(401, code);
		}
	}

	/** Claims of a well-formed token for the registered user, bent by {@code change}. */
	private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer("mclass-auth")
			.audience("mclass-api")
			.subject(this.user.path("user").path("id").asString())
			.claim("role", "USER")
			.claim("sid", UUID.randomUUID().toString())
			.claim("signup_completed", true)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
			.jwtID(UUID.randomUUID().toString());
		change.accept(builder);
		return builder.build();
	}

	/** Signed with the service's own active key: only the claims are wrong. */
	private String signed(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.keys.active().kid()).type(JOSEObjectType.JWT).build(), claims);
			jwt.sign(new RSASSASigner(this.keys.active().privateKey()));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aControlTokenSignedHereIsAccepted() {
		// Proves the forged-token tests fail for the reason they name, not because signing here is broken.
		AuthApi.Response me = this.api.getWithToken(ME, signed(claims((c) -> {
		})));
		assertThat(me.status()).as(me.text()).isEqualTo(200);
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String claim(String jwt, String name) {
		return part(jwt, 1).path(name).asString();
	}

	private static String header(String jwt, String name) {
		return part(jwt, 0).path(name).asString();
	}

	private static JsonNode part(String jwt, int index) {
		return AuthApi.json.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
	}

}
