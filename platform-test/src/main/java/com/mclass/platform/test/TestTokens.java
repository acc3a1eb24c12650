package com.mclass.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Access tokens shaped exactly like auth-service's (RS256 with {@code kid}; {@code iss}, {@code aud}, {@code sub},
 * {@code role}, {@code sid}, {@code signup_completed}, {@code email}), signed by a key generated for this test JVM
 * and published on a local JWKS endpoint. Services other than auth-service use them through
 * {@code @RealInfrastructure(testTokens = true)}.
 */
public final class TestTokens {

	public static final String ISSUER = "mclass-auth";

	public static final String AUDIENCE = "mclass-api";

	private static RSAKey key;

	private static HttpServer server;

	private TestTokens() {
	}

	public static synchronized RSAKey signingKey() {
		if (key == null) {
			try {
				key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return key;
	}

	public static synchronized String jwksUri() {
		if (server == null) {
			byte[] jwks = new JWKSet(signingKey().toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			try {
				server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			server.createContext("/.well-known/jwks.json", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, jwks.length);
				try (OutputStream body = exchange.getResponseBody()) {
					body.write(jwks);
				}
			});
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-jwks-stop"));
		}
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
	}

	/** A signed-up user's token. */
	public static String user(UUID userId) {
		return forUser(userId).sign();
	}

	public static String admin(UUID userId) {
		return forUser(userId).role("ADMIN").sign();
	}

	public static Builder forUser(UUID userId) {
		return new Builder(userId);
	}

	/**
	 * A service token as auth-service's client-credentials grant issues it to {@code client} (audience
	 * {@code mclass-internal}, subject {@code service:<client>}), for calling another service's {@code /internal/**}.
	 */
	public static String service(String client) {
		return service(client, "mclass-internal");
	}

	/** A service token with another audience, for tests of tokens a real issuer would never sign. */
	public static String service(String client, String audience) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(audience)
			.subject("service:" + client)
			.claim("scope", "internal")
			.issueTime(Date.from(now.minusSeconds(1)))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString())
			.build();
		return sign(claims);
	}

	private static String sign(JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey().getKeyID()).build(), claims);
		try {
			jwt.sign(new RSASSASigner(signingKey()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/** Every claim can be bent, so tests can present tokens a real issuer would never sign. */
	public static final class Builder {

		private final UUID userId;

		private String role = "USER";

		private String sessionId = UUID.randomUUID().toString();

		private boolean signupCompleted = true;

		private String email;

		private String name = "테스트 사용자";

		private String locale = "ko";

		private String issuer = ISSUER;

		private String audience = AUDIENCE;

		private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(15));

		private Builder(UUID userId) {
			this.userId = userId;
			this.email = "user-" + userId + "@test.mclass";
		}

		public Builder role(String role) {
			this.role = role;
			return this;
		}

		public Builder sessionId(String sessionId) {
			this.sessionId = sessionId;
			return this;
		}

		public Builder signupCompleted(boolean signupCompleted) {
			this.signupCompleted = signupCompleted;
			return this;
		}

		public Builder email(String email) {
			this.email = email;
			return this;
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder locale(String locale) {
			this.locale = locale;
			return this;
		}

		public Builder issuer(String issuer) {
			this.issuer = issuer;
			return this;
		}

		public Builder audience(String audience) {
			this.audience = audience;
			return this;
		}

		public Builder expiresAt(Instant expiresAt) {
			this.expiresAt = expiresAt;
			return this;
		}

		public String sign() {
			Instant now = Instant.now();
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer)
				.audience(this.audience)
				.subject(this.userId.toString())
				.claim("role", this.role)
				.claim("sid", this.sessionId)
				.claim("signup_completed", this.signupCompleted)
				.claim("email", this.email)
				.claim("name", this.name)
				.claim("locale", this.locale)
				// An already expired token must still have been issued before it expired.
				.issueTime(Date.from(this.expiresAt.isAfter(now) ? now.minusSeconds(1) : this.expiresAt.minus(Duration.ofMinutes(15))))
				.expirationTime(Date.from(this.expiresAt))
				.jwtID(UUID.randomUUID().toString())
				.build();
			return TestTokens.sign(claims);
		}

	}

}
