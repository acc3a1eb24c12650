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
 * they would land in browser history and logs); the code does, lives a minute, and works once. Each code is bound to
 * the browser that finished the login: a random binding goes to that browser in an HttpOnly cookie and only its hash
 * is stored with the code, so a code redeemed without that cookie (an attacker's code planted in a victim's browser:
 * login CSRF) fails, and is used up.
 * Key: {@code mclass:auth:social:code:<sha256(code)>} → {@code <user id>:<sha256(binding)>}.
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

	Issued issue(UUID userId) {
		String code = randomToken();
		String binding = randomToken();
		this.redis.opsForValue().set(PREFIX + hash(code), userId + ":" + hash(binding), this.ttl);
		return new Issued(code, binding);
	}

	/** The user of {@code code}, if it exists and {@code binding} is the one its browser received; the code is used up either way. */
	Optional<UUID> redeem(String code, String binding) {
		String stored = this.redis.opsForValue().getAndDelete(PREFIX + hash(code));
		if (stored == null || binding == null || binding.isEmpty()) {
			return Optional.empty();
		}
		int colon = stored.indexOf(':');
		if (colon < 0 || !MessageDigest.isEqual(stored.substring(colon + 1).getBytes(StandardCharsets.US_ASCII),
				hash(binding).getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		return Optional.of(UUID.fromString(stored.substring(0, colon)));
	}

	Duration ttl() {
		return this.ttl;
	}

	private String randomToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String hash(String code) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The code for the redirect URL and the binding for the browser's cookie. */
	record Issued(String code, String binding) {
	}

}
