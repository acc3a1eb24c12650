package com.mclass.enrollment.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A request made under an {@code Idempotency-Key}: the key is scoped to the user, and the request is identified by a
 * SHA-256 of its method, path and canonical body, so the same key with a different request is told apart.
 */
public record IdempotentRequest(UUID userId, String key, String requestHash) {

	/** 1–100 characters of letters, digits, {@code _ - : .} */
	public static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9_\\-:.]{1,100}");

	public static IdempotentRequest of(UUID userId, String key, String method, String path, String canonicalBody) {
		return new IdempotentRequest(userId, key, hex(sha256(method + ' ' + path + '\n' + canonicalBody)));
	}

	public static boolean isWellFormed(String key) {
		return key != null && KEY_FORMAT.matcher(key).matches();
	}

	/** The key of the PostgreSQL advisory lock that marks this (user, key) as in flight. */
	long lockKey() {
		return ByteBuffer.wrap(sha256(this.userId + "\n" + this.key)).getLong();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}
