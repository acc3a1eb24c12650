package com.mclass.enrollment.live;

import java.util.regex.Pattern;

/** Redis stream ids ({@code <ms>-<seq>}), the ids of enrollment events on the live stream. */
final class StreamIds {

	private static final Pattern FORM = Pattern.compile("\\d{1,19}-\\d{1,19}");

	private StreamIds() {
	}

	static boolean isWellFormed(String id) {
		return id != null && FORM.matcher(id).matches();
	}

	static int compare(String a, String b) {
		int dash = a.indexOf('-');
		int dashB = b.indexOf('-');
		int byTime = Long.compare(Long.parseLong(a.substring(0, dash)), Long.parseLong(b.substring(0, dashB)));
		return (byTime != 0) ? byTime : Long.compare(Long.parseLong(a.substring(dash + 1)), Long.parseLong(b.substring(dashB + 1)));
	}

}
