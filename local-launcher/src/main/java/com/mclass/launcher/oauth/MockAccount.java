package com.mclass.launcher.oauth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Who signs in at the mock, derived from what the person typed on its login page: an e-mail address, or just a name.
 * The same words (ignoring case and surrounding blanks) always give the same provider user id, so logging in again
 * as "minsu" finds the account the first login created; the id depends on the provider too, as real ids do.
 *
 * @param provider the provider the person signs in at
 * @param userId the provider's id of the user, in the provider's own format
 * @param email the address the provider vouches for (verified)
 * @param name the display name (Kakao's nickname)
 */
record MockAccount(MockProvider provider, String userId, String email, String name) {

	private static final BigInteger GOOGLE_ID_RANGE = BigInteger.TEN.pow(20);

	private static final long KAKAO_ID_FLOOR = 1_000_000_000L;

	private static final long KAKAO_ID_RANGE = 9_000_000_000L;

	/** @throws IllegalArgumentException when {@code login} is blank */
	static MockAccount of(MockProvider provider, String login) {
		String typed = Normalizer.normalize((login != null) ? login.strip() : "", Normalizer.Form.NFC);
		if (typed.isEmpty()) {
			throw new IllegalArgumentException("Type an e-mail address or a name to sign in");
		}
		String key = typed.toLowerCase(Locale.ROOT);
		byte[] digest = sha256(provider.issuerId() + ":" + key);
		int at = typed.indexOf('@');
		boolean isAddress = at > 0 && at < typed.length() - 1;
		String email = isAddress ? key : mailbox(key, digest) + "@" + provider.emailDomain();
		String name = isAddress ? typed.substring(0, at) : typed;
		return new MockAccount(provider, userId(provider, digest), email, name);
	}

	/** Real-looking ids: Google a 21-digit number, Kakao a 10-digit long, Naver a 43-character opaque string. */
	private static String userId(MockProvider provider, byte[] digest) {
		return switch (provider) {
			case GOOGLE -> "1" + String.format(Locale.ROOT, "%020d", new BigInteger(1, digest).mod(GOOGLE_ID_RANGE));
			case KAKAO -> Long.toString(KAKAO_ID_FLOOR
					+ new BigInteger(1, digest).mod(BigInteger.valueOf(KAKAO_ID_RANGE)).longValueExact());
			case NAVER -> Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		};
	}

	/**
	 * An ASCII mailbox for a name ("Kim Minsu" → kim.minsu), so that the platform's e-mails to this user reach the
	 * local SMTP sink; a name with nothing ASCII in it (김민수) gets a mailbox named after its hash.
	 */
	private static String mailbox(String key, byte[] digest) {
		String ascii = key.replaceAll("\\s+", ".").replaceAll("[^a-z0-9._-]", "").replaceAll("\\.{2,}", ".")
			.replaceAll("^[._-]+|[._-]+$", "");
		return ascii.isEmpty() ? "user." + HexFormat.of().formatHex(digest, 0, 4) : ascii;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
