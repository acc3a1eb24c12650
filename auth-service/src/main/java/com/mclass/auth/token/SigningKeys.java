package com.mclass.auth.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys tokens are signed with: exactly one active key signs, every non-retired key is published in the
 * JWKS. Keys come from configuration when any are configured; otherwise the first replica to start generates one
 * and stores it in the database, where restarts and other replicas find it (a development default, logged as a
 * warning: a private key in the application database is as safe as that database).
 */
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	/** Serialises key generation between replicas starting together. */
	private static final long GENERATION_LOCK = 0x6d636c6173734bL;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean fromDatabase;

	private final Duration reloadInterval;

	private volatile Loaded loaded;

	SigningKeys(TokenProperties properties, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.reloadInterval = properties.keyReloadInterval();
		this.fromDatabase = properties.signingKeys().isEmpty();
		if (this.fromDatabase) {
			log.warn("No signing keys configured (mclass.auth.signing-keys): using a key generated and stored in the "
					+ "database. This is a development default; configure keys in production.");
			this.loaded = new Loaded(loadOrGenerate(), clock.instant());
		}
		else {
			this.loaded = new Loaded(fromConfiguration(properties.signingKeys()), clock.instant());
		}
	}

	SigningKey active() {
		return current().stream()
			.filter(SigningKey::active)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No active signing key"));
	}

	/** Public keys of every non-retired key. */
	JWKSet publishedKeys() {
		return new JWKSet(current().stream().map(SigningKey::publicJwk).map(JWK.class::cast).toList());
	}

	/**
	 * The published keys, re-read at once if {@code kid} is not among them: another replica may just have rotated.
	 */
	JWKSet publishedKeysIncluding(String kid) {
		JWKSet keys = publishedKeys();
		if (kid != null && keys.getKeyByKeyId(kid) == null && this.fromDatabase
				&& this.loaded.at().isBefore(this.clock.instant().minusSeconds(5))) {
			reload();
			keys = publishedKeys();
		}
		return keys;
	}

	private List<SigningKey> current() {
		Loaded snapshot = this.loaded;
		if (this.fromDatabase && snapshot.at().plus(this.reloadInterval).isBefore(this.clock.instant())) {
			reload();
			snapshot = this.loaded;
		}
		return snapshot.keys();
	}

	private synchronized void reload() {
		try {
			List<SigningKey> keys = readStored();
			if (keys.stream().anyMatch(SigningKey::active)) {
				this.loaded = new Loaded(keys, this.clock.instant());
			}
		}
		catch (RuntimeException ex) {
			// Keep signing with what we have; the database will answer again.
			log.warn("Could not reload signing keys; keeping the current ones", ex);
			this.loaded = new Loaded(this.loaded.keys(), this.clock.instant());
		}
	}

	private List<SigningKey> loadOrGenerate() {
		return this.transactions.execute((status) -> {
			this.jdbc.sql("select pg_advisory_xact_lock(?)").param(GENERATION_LOCK).query((rs) -> {
			});
			List<SigningKey> keys = readStored();
			if (keys.stream().noneMatch(SigningKey::active)) {
				SigningKey generated = generate();
				this.jdbc.sql("insert into signing_key (kid, private_key, active, created_at) values (?, ?, true, ?)")
					.params(generated.kid(), Base64.getEncoder().encodeToString(generated.privateKey().getEncoded()),
							Timestamp.from(this.clock.instant()))
					.update();
				keys = new ArrayList<>(keys);
				keys.add(generated);
			}
			return keys;
		});
	}

	private List<SigningKey> readStored() {
		List<SigningKey> keys = this.jdbc
			.sql("select kid, private_key, active from signing_key where retired_at is null order by created_at")
			.query((rs, row) -> keyOf(rs.getString("kid"), Base64.getDecoder().decode(rs.getString("private_key")), rs.getBoolean("active")))
			.list();
		// Several rows flagged active during a rotation: the newest signs.
		List<SigningKey> result = new ArrayList<>();
		String newestActive = keys.stream().filter(SigningKey::active).reduce((first, second) -> second).map(SigningKey::kid).orElse(null);
		for (SigningKey key : keys) {
			result.add(new SigningKey(key.kid(), key.privateKey(), key.publicKey(), key.kid().equals(newestActive)));
		}
		return result;
	}

	private static List<SigningKey> fromConfiguration(List<TokenProperties.ConfiguredKey> configured) {
		List<SigningKey> keys = new ArrayList<>();
		for (TokenProperties.ConfiguredKey key : configured) {
			if (key.privateKeyPem() == null || key.privateKeyPem().isBlank()) {
				throw new IllegalStateException("mclass.auth.signing-keys entries need private-key-pem");
			}
			SigningKey parsed = keyOf(key.kid(), pkcs8(key.privateKeyPem()), key.active() || configured.size() == 1);
			keys.add(parsed);
		}
		long active = keys.stream().filter(SigningKey::active).count();
		if (active != 1) {
			throw new IllegalStateException("Exactly one of mclass.auth.signing-keys must be active, found " + active);
		}
		if (keys.stream().map(SigningKey::kid).distinct().count() != keys.size()) {
			throw new IllegalStateException("mclass.auth.signing-keys have duplicate kids");
		}
		return List.copyOf(keys);
	}

	/** Accepts the PEM with real line breaks, with literal {@code \n} (as env files often carry it) or on one line. */
	static byte[] pkcs8(String pem) {
		if (pem.contains("BEGIN RSA PRIVATE KEY")) {
			throw new IllegalStateException("Signing keys must be PKCS#8 (BEGIN PRIVATE KEY); convert with "
					+ "'openssl pkcs8 -topk8 -nocrypt -in key.pem'");
		}
		String base64 = pem.replace("\\n", "")
			.replace("-----BEGIN PRIVATE KEY-----", "")
			.replace("-----END PRIVATE KEY-----", "")
			.replaceAll("\\s", "");
		return Base64.getDecoder().decode(base64);
	}

	private static SigningKey keyOf(String kid, byte[] pkcs8, boolean active) {
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPrivateKey privateKey = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
				throw new IllegalStateException("The signing key lacks its public exponent");
			}
			RSAPublicKey publicKey = (RSAPublicKey) factory
				.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
			if (publicKey.getModulus().bitLength() < 2048) {
				throw new IllegalStateException("RSA signing keys must have at least 2048 bits");
			}
			String id = (kid != null && !kid.isBlank()) ? kid : thumbprint(publicKey);
			return new SigningKey(id, privateKey, publicKey, active);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unreadable RSA signing key", ex);
		}
	}

	private static SigningKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
			return new SigningKey(thumbprint(publicKey), (RSAPrivateKey) pair.getPrivate(), publicKey, true);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

	private static String thumbprint(RSAPublicKey publicKey) {
		try {
			return new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Loaded(List<SigningKey> keys, Instant at) {
	}

}
