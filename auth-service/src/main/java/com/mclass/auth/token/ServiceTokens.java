package com.mclass.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import com.mclass.platform.web.security.MclassSecurityProperties;
import com.mclass.platform.web.security.ServiceCalls;

/**
 * Issues service tokens to the services named in {@code mclass.auth.service.clients} (the OAuth 2.0 client-credentials
 * grant): RS256 with the active key, the platform's issuer, audience {@value ServiceCalls#AUDIENCE}, subject
 * {@code service:<client id>}, scope {@code internal}. Only {@code /internal/**} endpoints accept them.
 */
public class ServiceTokens {

	private final SigningKeys keys;

	private final String issuer;

	private final Map<String, byte[]> secretDigests;

	private final Duration ttl;

	private final Clock clock;

	ServiceTokens(SigningKeys keys, MclassSecurityProperties security, ServiceClientProperties clients, Clock clock) {
		this.keys = keys;
		this.issuer = security.issuer();
		this.secretDigests = clients.clients()
			.entrySet()
			.stream()
			.filter((client) -> client.getValue() != null && !client.getValue().isBlank())
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (client) -> sha256(client.getValue())));
		this.ttl = clients.tokenTtl();
		this.clock = clock;
	}

	/** A token for a client whose secret matches, else empty (unknown client and wrong secret look the same). */
	public Optional<IssuedAccessToken> issue(String clientId, String secret) {
		byte[] expected = (clientId != null) ? this.secretDigests.get(clientId) : null;
		// Digests of equal length compared in constant time: the secret's length and content leak nothing.
		byte[] presented = sha256((secret != null) ? secret : "");
		if (expected == null || !MessageDigest.isEqual(expected, presented)) {
			return Optional.empty();
		}
		return Optional.of(sign(clientId));
	}

	private IssuedAccessToken sign(String clientId) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.ttl);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience(ServiceCalls.AUDIENCE)
			.subject(ServiceCalls.SUBJECT_PREFIX + clientId)
			.claim("scope", "internal")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SigningKey key = this.keys.active();
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build(),
				claims);
		try {
			token.sign(new RSASSASigner(key.privateKey()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a service token", ex);
		}
		return new IssuedAccessToken(token.serialize(), expiresAt, this.ttl.toSeconds());
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
