package com.mclass.auth.user;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * bcrypt over an HMAC-SHA256 pre-hash, stored as {@code {bcrypt-sha256}$2a$<cost>$…}.
 * <p>
 * bcrypt reads at most 72 bytes and Spring's encoder refuses longer input, while the policy accepts 128 characters
 * (up to 512 bytes of UTF-8). Pre-hashing keeps every character significant; keying the HMAC with the bcrypt salt
 * (the scheme of passlib's bcrypt_sha256) stops a leaked unsalted SHA-256 of the password from being tried against
 * the bcrypt hash. Passwords are NFKC-normalised first (NIST SP 800-63B), so the same password typed on different
 * keyboards matches.
 */
public class PasswordHashing {

	private static final String SCHEME = "{bcrypt-sha256}";

	private static final int SALT_LENGTH = 29; // "$2a$10$" + 22 characters of salt

	private final int cost;

	private final SecureRandom random = new SecureRandom();

	private final String dummyHash;

	public PasswordHashing(int cost) {
		this.cost = cost;
		byte[] unguessable = new byte[32];
		this.random.nextBytes(unguessable);
		this.dummyHash = hash(Base64.getEncoder().encodeToString(unguessable));
	}

	public String hash(String password) {
		String salt = BCrypt.gensalt("$2a", this.cost, this.random);
		return SCHEME + BCrypt.hashpw(preHash(password, salt), salt);
	}

	public boolean matches(String password, String stored) {
		if (stored == null || !stored.startsWith(SCHEME) || stored.length() < SCHEME.length() + SALT_LENGTH) {
			return false;
		}
		String bcrypt = stored.substring(SCHEME.length());
		return BCrypt.checkpw(preHash(password, bcrypt.substring(0, SALT_LENGTH)), bcrypt);
	}

	/**
	 * Spends the time of one verification without a stored hash, so that an unknown e-mail answers as slowly as a
	 * wrong password and response times do not reveal which e-mails have accounts.
	 */
	public void spendVerificationTime(String password) {
		matches(password, this.dummyHash);
	}

	public int cost() {
		return this.cost;
	}

	private static String preHash(String password, String salt) {
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
			byte[] digest = hmac.doFinal(Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8));
			// Base64, not raw bytes: bcrypt stops at a NUL byte, which raw digests may contain.
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

}
