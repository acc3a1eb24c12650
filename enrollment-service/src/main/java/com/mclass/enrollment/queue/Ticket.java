package com.mclass.enrollment.queue;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A queue ticket: 128 random bits in hex. Unguessable, and bound to its student and class in Redis (a ticket is only
 * ever looked up in its own class's line and checked against the caller), so it needs no signature.
 */
public final class Ticket {

	private static final Pattern FORM = Pattern.compile("[0-9a-f]{32}");

	private static final SecureRandom random = new SecureRandom();

	private Ticket() {
	}

	static String newTicket() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	public static boolean isWellFormed(String ticket) {
		return ticket != null && FORM.matcher(ticket).matches();
	}

}
