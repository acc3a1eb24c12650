package com.mclass.launcher.net;

/** Text put into the launcher's own HTML pages (mail inbox, mock sign-in pages). */
public final class Html {

	private Html() {
	}

	/** {@code text} safe inside element content and quoted attribute values; {@code null} becomes empty. */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
