package com.mclass.launcher.mail;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The sink's inbox: the messages received since start or since the last delete, newest first, at most
 * {@code maxMessages} of them (the oldest go first).
 */
final class ReceivedMails {

	private final Deque<ReceivedMail> newestFirst = new ArrayDeque<>();

	private final int maxMessages;

	ReceivedMails(int maxMessages) {
		if (maxMessages < 1) {
			throw new IllegalArgumentException("The inbox keeps at least one message, not " + maxMessages);
		}
		this.maxMessages = maxMessages;
	}

	synchronized void add(ReceivedMail mail) {
		this.newestFirst.addFirst(mail);
		while (this.newestFirst.size() > this.maxMessages) {
			this.newestFirst.removeLast();
		}
	}

	synchronized List<ReceivedMail> all() {
		return List.copyOf(this.newestFirst);
	}

	synchronized Optional<ReceivedMail> find(String id) {
		return this.newestFirst.stream().filter((mail) -> mail.id().equals(id)).findFirst();
	}

	synchronized void clear() {
		this.newestFirst.clear();
	}

	synchronized void delete(Collection<String> ids) {
		this.newestFirst.removeIf((mail) -> ids.contains(mail.id()));
	}

	/**
	 * A small subset of Mailpit's search: whitespace-separated terms that must all match, each either
	 * {@code field:value} (to, from, subject, message-id) or a bare word matched against subject, addresses and
	 * bodies. Case-insensitive.
	 */
	List<ReceivedMail> search(String query) {
		Predicate<ReceivedMail> all = Arrays.stream(query.strip().split("\\s+"))
			.filter((term) -> !term.isEmpty())
			.map(ReceivedMails::term)
			.reduce((mail) -> true, Predicate::and);
		return all().stream().filter(all).toList();
	}

	private static Predicate<ReceivedMail> term(String term) {
		int colon = term.indexOf(':');
		if (colon > 0) {
			String field = term.substring(0, colon).toLowerCase(Locale.ROOT);
			String value = unquote(term.substring(colon + 1));
			if (List.of("to", "from", "subject", "message-id").contains(field)) {
				return (mail) -> mail.matches(field, value);
			}
		}
		String value = unquote(term);
		return (mail) -> mail.matches("", value);
	}

	private static String unquote(String value) {
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

}
