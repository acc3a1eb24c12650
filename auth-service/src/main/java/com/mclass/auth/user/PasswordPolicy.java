package com.mclass.auth.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be, after OWASP ASVS 5.0 (V6.2): at least 8 characters, up to 128 accepted (ASVS asks
 * for at least 64), not on a list of commonly used passwords, and nothing else: no composition rules, no forced
 * character classes, spaces and any Unicode allowed. Length counts Unicode code points, so "비밀번호" is 4.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 128;

	static final String COMMON_PASSWORDS = "password/common-passwords.txt";

	public enum Violation {

		TOO_SHORT, TOO_LONG, COMMON

	}

	private final Set<String> common;

	PasswordPolicy(Set<String> common) {
		this.common = Set.copyOf(common);
	}

	/** The policy with the bundled list of common passwords. */
	public static PasswordPolicy withBundledList() {
		return new PasswordPolicy(readList(COMMON_PASSWORDS));
	}

	public Optional<Violation> check(String password) {
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of(Violation.TOO_SHORT);
		}
		if (length > MAX_LENGTH) {
			return Optional.of(Violation.TOO_LONG);
		}
		if (this.common.contains(password.toLowerCase(Locale.ROOT))) {
			return Optional.of(Violation.COMMON);
		}
		return Optional.empty();
	}

	int commonPasswordCount() {
		return this.common.size();
	}

	private static Set<String> readList(String resource) {
		InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Missing resource " + resource);
		}
		Set<String> entries = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					entries.add(line.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return entries;
	}

}
