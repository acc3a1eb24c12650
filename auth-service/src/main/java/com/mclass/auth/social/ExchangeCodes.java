package com.mclass.auth.social;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One-time codes that carry a finished social login to the front-end. Tokens never travel in a redirect URL (where
 * they would land in browser history and logs); the code does, lives a minute, and works once.
 * Key: {@code mclass:auth:social:code:<sha256(code)>} → user id.
 */
class ExchangeCodes {

	static final String PREFIX = "mclass:auth:social:code:";

	private final StringRedisTemplate redis;

	private final Duration ttl;

	private final SecureRandom random = new SecureRandom();

	ExchangeCodes(StringRedisTemplate redis, Duration ttl) {
		this.redis = redis;
		this.ttl = ttl;
	}

	String issue(UUID userId) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.redis.opsForValue().set(PREFIX + hash(code), userId.toString(), this.ttl);
		return code;
	}

	Optional<UUID> redeem(String code) {
		String userId = this.redis.opsForValue().getAndDelete(PREFIX + hash(code));
		return Optional.ofNullable(userId).map(UUID::fromString);
	}

	private static String hash(String code) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
