package com.mclass.auth.mailbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Single-use secrets sent to a mailbox: 256 random bits, handed out once in a link and stored only as their SHA-256
 * with the user id and a fingerprint of what the token acts on (the e-mail address; for a reset the current password
 * hash, so a reset link dies once the password changed some other way). Redeeming deletes the key (GETDEL), so a
 * token works once even when two requests race.
 * Keys: {@code mclass:auth:mailbox:<purpose>:<sha256(token)>} → {@code <user id> <fingerprint>}, TTL = the link's life.
 */
class MailboxTokens {

	private static final String PREFIX = "mclass:auth:mailbox:";

	private final StringRedisTemplate redis;

	private final SecureRandom random = new SecureRandom();

	MailboxTokens(StringRedisTemplate redis) {
		this.redis = redis;
	}

	String issue(Purpose purpose, UUID userId, String fingerprintOf, Duration ttl) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.redis.opsForValue().set(key(purpose, token), userId + " " + fingerprint(fingerprintOf), ttl);
		return token;
	}

	boolean exists(Purpose purpose, String token) {
		return token != null && !token.isEmpty() && token.length() <= 200 && Boolean.TRUE.equals(this.redis.hasKey(key(purpose, token)));
	}

	/** The user the token was issued to and the fingerprint it acts on, if it exists and is unused; spent by this call. */
	Optional<Redeemed> redeem(Purpose purpose, String token) {
		if (token == null || token.isEmpty() || token.length() > 200) {
			return Optional.empty();
		}
		String stored = this.redis.opsForValue().getAndDelete(key(purpose, token));
		if (stored == null) {
			return Optional.empty();
		}
		int space = stored.indexOf(' ');
		return Optional.of(new Redeemed(UUID.fromString(stored.substring(0, space)), stored.substring(space + 1)));
	}

	static String fingerprint(String value) {
		return sha256(String.valueOf(value));
	}

	private static String key(Purpose purpose, String token) {
		return PREFIX + purpose.name().toLowerCase(Locale.ROOT) + ":" + sha256(token);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	enum Purpose {

		VERIFY, RESET

	}

	record Redeemed(UUID userId, String fingerprint) {

		boolean actsOn(String value) {
			return MessageDigest.isEqual(this.fingerprint.getBytes(StandardCharsets.US_ASCII),
					MailboxTokens.fingerprint(value).getBytes(StandardCharsets.US_ASCII));
		}

	}

}
