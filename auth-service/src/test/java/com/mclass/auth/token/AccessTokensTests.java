package com.mclass.auth.token;

import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import com.mclass.platform.web.security.MclassSecurityProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AccessTokensTests {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private static final MclassSecurityProperties security = new MclassSecurityProperties("http://unused", "mclass-auth",
			"mclass-api", List.of(), List.of(), Duration.ofSeconds(1));

	@Test
	void carriesEveryClaimResourceServersNeed() throws Exception {
		SigningKeys keys = configured(new TokenProperties.ConfiguredKey("key-2026", pem(), true));
		AccessTokens tokens = new AccessTokens(keys, security, Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC));
		UUID userId = UUID.randomUUID();

		IssuedAccessToken issued = tokens.issue(new AccessTokenClaims(userId, "kim@example.com", "김철수", "ko", "USER", "session-1", true, true));

		SignedJWT jwt = SignedJWT.parse(issued.value());
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo("key-2026");
		assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
		assertThat(jwt.verify(new RSASSAVerifier(keys.active().publicKey()))).isTrue();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("mclass-auth");
		assertThat(claims.getAudience()).containsExactly("mclass-api");
		assertThat(claims.getSubject()).isEqualTo(userId.toString());
		assertThat(claims.getStringClaim("role")).isEqualTo("USER");
		assertThat(claims.getStringClaim("sid")).isEqualTo("session-1");
		assertThat(claims.getBooleanClaim("signup_completed")).isTrue();
		assertThat(claims.getBooleanClaim("email_verified")).isTrue();
		assertThat(claims.getStringClaim("email")).isEqualTo("kim@example.com");
		assertThat(claims.getStringClaim("name")).isEqualTo("김철수");
		assertThat(claims.getStringClaim("locale")).isEqualTo("ko");
		assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
		assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(issued.expiresInSeconds()).isEqualTo(900);
	}

	@Test
	void omitsTheEmailOfUsersWithout() throws Exception {
		SigningKeys keys = configured(new TokenProperties.ConfiguredKey(null, pem(), true));
		AccessTokens tokens = new AccessTokens(keys, security, Duration.ofMinutes(15), Clock.systemUTC());
		SignedJWT jwt = SignedJWT.parse(tokens.issue(new AccessTokenClaims(UUID.randomUUID(), null, null, null, "USER", "s", false, false)).value());
		assertThat(jwt.getJWTClaimsSet().getClaims()).doesNotContainKey("email");
		assertThat(jwt.getJWTClaimsSet().getBooleanClaim("signup_completed")).isFalse();
	}

	@Test
	void signsWithTheActiveKeyAndPublishesBothDuringARotation() throws Exception {
		SigningKeys keys = configured(new TokenProperties.ConfiguredKey("old", pem(), false),
				new TokenProperties.ConfiguredKey("new", pem(), true));
		AccessTokens tokens = new AccessTokens(keys, security, Duration.ofMinutes(15), Clock.systemUTC());
		SignedJWT jwt = SignedJWT.parse(tokens.issue(new AccessTokenClaims(UUID.randomUUID(), null, null, null, "ADMIN", "s", true, false)).value());
		assertThat(jwt.getHeader().getKeyID()).isEqualTo("new");
		assertThat(keys.publishedKeys().getKeys()).extracting((key) -> key.getKeyID()).containsExactly("old", "new");
		assertThat(keys.publishedKeys().getKeys()).allMatch((key) -> !key.isPrivate());
	}

	@Test
	void defaultsTheKidToTheKeysThumbprint() throws Exception {
		SigningKeys keys = configured(new TokenProperties.ConfiguredKey(" ", pem(), true));
		assertThat(keys.active().kid()).isEqualTo(keys.active().publicJwk().computeThumbprint().toString());
	}

	@Test
	void refusesAmbiguousKeyConfiguration() throws Exception {
		String first = pem();
		String second = pem();
		assertThatIllegalStateException().isThrownBy(() -> configured(new TokenProperties.ConfiguredKey("a", first, true),
				new TokenProperties.ConfiguredKey("b", second, true)));
		assertThatIllegalStateException().isThrownBy(() -> configured(new TokenProperties.ConfiguredKey("a", first, false),
				new TokenProperties.ConfiguredKey("b", second, false)));
		assertThatIllegalStateException()
			.isThrownBy(() -> configured(new TokenProperties.ConfiguredKey("a", "-----BEGIN RSA PRIVATE KEY-----\nAAAA", true)));
	}

	@Test
	void readsPemWithEscapedLineBreaksAsEnvironmentFilesCarryThem() throws Exception {
		String escaped = pem().replace("\n", "\\n");
		assertThat(configured(new TokenProperties.ConfiguredKey("env", escaped, true)).active().kid()).isEqualTo("env");
	}

	private static SigningKeys configured(TokenProperties.ConfiguredKey... keys) {
		return new SigningKeys(new TokenProperties(Duration.ofMinutes(15), List.of(keys), Duration.ofMinutes(1)), null, null,
				Clock.systemUTC());
	}

	/** Two keys, generated once: RSA key generation is the slow part of these tests. */
	private static final String[] PEMS = new String[2];

	private static int next;

	private static synchronized String pem() throws Exception {
		int index = next++ % PEMS.length;
		if (PEMS[index] == null) {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
			PEMS[index] = "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
		}
		return PEMS[index];
	}

}
