package com.mclass.notification.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import tools.jackson.databind.JsonNode;

import com.mclass.notification.mail.Recipient;

/**
 * Reads the fields of an event envelope by their dotted path ({@code data.recipient.email}) and says exactly which
 * field is wrong when one is: that text becomes the dead-letter reason an operator reads. Unknown fields are never
 * looked at, so producers may add fields freely.
 */
final class EventFields {

	private static final Pattern CANONICAL_UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private EventFields() {
	}

	static Optional<String> text(JsonNode root, String path) {
		JsonNode node = node(root, path);
		if (node.isMissingNode() || node.isNull()) {
			return Optional.empty();
		}
		if (!node.isString()) {
			throw new UnprocessableEvent(path + " is not a string");
		}
		String value = node.stringValue();
		return value.isBlank() ? Optional.empty() : Optional.of(value);
	}

	static String requiredText(JsonNode root, String path) {
		return text(root, path).orElseThrow(() -> new UnprocessableEvent(path + " is missing"));
	}

	static UUID requiredUuid(JsonNode root, String path) {
		String value = requiredText(root, path);
		// UUID.fromString accepts shortened forms such as 1-2-3-4-5; an event id must be the one the producer wrote.
		if (!CANONICAL_UUID.matcher(value).matches()) {
			throw new UnprocessableEvent(path + " is not a UUID");
		}
		return UUID.fromString(value);
	}

	static <E extends Enum<E>> E requiredEnum(JsonNode root, String path, Class<E> type) {
		return optionalEnum(root, path, type).orElseThrow(() -> new UnprocessableEvent(path + " is missing"));
	}

	static <E extends Enum<E>> Optional<E> optionalEnum(JsonNode root, String path, Class<E> type) {
		return text(root, path).map((value) -> {
			try {
				return Enum.valueOf(type, value);
			}
			catch (IllegalArgumentException ex) {
				throw new UnprocessableEvent(path + " has the unknown value '" + value + "'");
			}
		});
	}

	/** An ISO-8601 date-time with an offset ({@code 2025-03-01T05:00:00Z}); without one the instant is ambiguous. */
	static Optional<Instant> instant(JsonNode root, String path) {
		return text(root, path).map((value) -> {
			try {
				return OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new UnprocessableEvent(path + " is not an ISO-8601 date-time with an offset");
			}
		});
	}

	static boolean flag(JsonNode root, String path) {
		JsonNode node = node(root, path);
		if (node.isMissingNode() || node.isNull()) {
			return false;
		}
		if (!node.isBoolean()) {
			throw new UnprocessableEvent(path + " is not a boolean");
		}
		return node.booleanValue();
	}

	/**
	 * The person to write to. The address must be a single plain address: anything else would be refused by the SMTP
	 * server on every retry, or worse, reach someone else.
	 */
	static Recipient recipient(JsonNode root, String prefix) {
		String emailPath = prefix + "email";
		String email = requiredText(root, emailPath).strip();
		try {
			InternetAddress address = new InternetAddress(email, true);
			address.validate();
			if (address.getPersonal() != null || !email.equals(address.getAddress()) || email.indexOf('@') < 1) {
				throw new AddressException("not a plain address");
			}
		}
		catch (AddressException ex) {
			throw new UnprocessableEvent(emailPath + " is not an email address");
		}
		return Recipient.of(email, text(root, prefix + "name").orElse(null), text(root, prefix + "locale").orElse(null));
	}

	private static JsonNode node(JsonNode root, String path) {
		return root.at("/" + path.replace('.', '/'));
	}

}
