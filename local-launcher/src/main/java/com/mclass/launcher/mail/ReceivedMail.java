package com.mclass.launcher.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * One message as the SMTP sink received it, decoded once on arrival so that the API and the inbox page only
 * read immutable values. The envelope recipients are kept because Bcc only exists there.
 */
record ReceivedMail(String id, String messageId, Mailbox from, List<Mailbox> to, List<Mailbox> cc,
		List<Mailbox> bcc, List<Mailbox> replyTo, String returnPath, String subject, Instant date, Instant created,
		int size, String text, String html, Map<String, List<String>> headers, List<AttachedFile> attachments,
		byte[] raw) {

	private static final int SNIPPET_LENGTH = 250;

	record Mailbox(String name, String address) {

		boolean matches(String needle) {
			return contains(this.name, needle) || contains(this.address, needle);
		}

	}

	record AttachedFile(String partId, String fileName, String contentType, String contentId, int size) {
	}

	static ReceivedMail read(MimeMessage message, Collection<String> envelopeRecipients, String returnPath,
			Instant created) throws MessagingException, IOException {
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		message.writeTo(raw);
		List<Mailbox> to = mailboxes(message.getRecipients(RecipientType.TO));
		List<Mailbox> cc = mailboxes(message.getRecipients(RecipientType.CC));
		Bodies bodies = new Bodies();
		bodies.collect(message, "");
		return new ReceivedMail(UUID.randomUUID().toString(), messageId(message), firstMailbox(message.getFrom()), to,
				cc, blindCopies(envelopeRecipients, to, cc), mailboxes(message.getReplyTo()),
				(returnPath != null) ? returnPath : "", (message.getSubject() != null) ? message.getSubject() : "",
				(message.getSentDate() != null) ? message.getSentDate().toInstant() : null, created, raw.size(),
				bodies.text, bodies.html, headers(message), List.copyOf(bodies.attachments), raw.toByteArray());
	}

	/** Mailpit's snippet: the start of the text (or of the HTML without its tags), whitespace collapsed. */
	String snippet() {
		String source = !this.text.isBlank() ? this.text
				: this.html.replaceAll("(?is)<(style|script)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]*>", " ");
		String collapsed = source.replaceAll("\\s+", " ").strip();
		return (collapsed.length() <= SNIPPET_LENGTH) ? collapsed : collapsed.substring(0, SNIPPET_LENGTH) + "…";
	}

	boolean matches(String field, String needle) {
		switch (field) {
			case "to":
				return anyMatches(this.to, needle) || anyMatches(this.cc, needle) || anyMatches(this.bcc, needle);
			case "from":
				return this.from.matches(needle);
			case "subject":
				return contains(this.subject, needle);
			case "message-id":
				return contains(this.messageId, needle);
			default:
				return contains(this.subject, needle) || this.from.matches(needle) || anyMatches(this.to, needle)
						|| anyMatches(this.cc, needle) || contains(this.text, needle) || contains(this.html, needle);
		}
	}

	private static boolean anyMatches(List<Mailbox> mailboxes, String needle) {
		return mailboxes.stream().anyMatch((mailbox) -> mailbox.matches(needle));
	}

	private static boolean contains(String haystack, String needle) {
		return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
	}

	private static String messageId(MimeMessage message) throws MessagingException {
		String id = message.getMessageID();
		// Mailpit shows the Message-ID without its angle brackets.
		return (id != null) ? id.strip().replaceAll("^<|>$", "") : "";
	}

	private static Mailbox firstMailbox(Address[] addresses) {
		List<Mailbox> mailboxes = mailboxes(addresses);
		return mailboxes.isEmpty() ? new Mailbox("", "") : mailboxes.get(0);
	}

	private static List<Mailbox> mailboxes(Address[] addresses) {
		List<Mailbox> mailboxes = new ArrayList<>();
		if (addresses != null) {
			for (Address address : addresses) {
				if (address instanceof InternetAddress internet) {
					String name = internet.getPersonal();
					mailboxes.add(new Mailbox((name != null) ? name : "", internet.getAddress()));
				}
				else {
					mailboxes.add(new Mailbox("", address.toString()));
				}
			}
		}
		return List.copyOf(mailboxes);
	}

	private static List<Mailbox> blindCopies(Collection<String> envelopeRecipients, List<Mailbox> to,
			List<Mailbox> cc) {
		Set<String> visible = new LinkedHashSet<>();
		to.forEach((mailbox) -> visible.add(mailbox.address().toLowerCase(Locale.ROOT)));
		cc.forEach((mailbox) -> visible.add(mailbox.address().toLowerCase(Locale.ROOT)));
		return envelopeRecipients.stream()
			.filter((recipient) -> !visible.contains(recipient.toLowerCase(Locale.ROOT)))
			.map((recipient) -> new Mailbox("", recipient))
			.toList();
	}

	private static Map<String, List<String>> headers(MimeMessage message) throws MessagingException {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		Enumeration<Header> all = message.getAllHeaders();
		while (all.hasMoreElements()) {
			Header header = all.nextElement();
			headers.computeIfAbsent(header.getName(), (name) -> new ArrayList<>()).add(decoded(header.getValue()));
		}
		headers.replaceAll((name, values) -> List.copyOf(values));
		return headers;
	}

	private static String decoded(String headerValue) {
		try {
			return MimeUtility.decodeText(MimeUtility.unfold(headerValue));
		}
		catch (UnsupportedEncodingException ex) {
			return headerValue;
		}
	}

	/** Walks the MIME tree once: the first text/plain and text/html bodies, everything else as a file. */
	private static final class Bodies {

		private String text = "";

		private String html = "";

		private boolean textFound;

		private boolean htmlFound;

		private final List<AttachedFile> attachments = new ArrayList<>();

		void collect(Part part, String partId) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i), partId.isEmpty() ? String.valueOf(i + 1) : partId + "." + (i + 1));
				}
				return;
			}
			boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
			if (!attachment && part.isMimeType("text/plain") && !this.textFound) {
				this.text = textOf(part);
				this.textFound = true;
			}
			else if (!attachment && part.isMimeType("text/html") && !this.htmlFound) {
				this.html = textOf(part);
				this.htmlFound = true;
			}
			else if (!partId.isEmpty()) {
				this.attachments.add(new AttachedFile(partId, (part.getFileName() != null) ? part.getFileName() : "",
						baseType(part.getContentType()), contentId(part), Math.max(part.getSize(), 0)));
			}
		}

		/**
		 * JavaMail undoes quoted-printable and base64 and applies the charset; an unknown charset falls back to
		 * UTF-8. SMTP's CRLF line ends become LF, so the text reads (and compares) as it was written.
		 */
		private static String textOf(Part part) throws MessagingException, IOException {
			return decodedContent(part).replace("\r\n", "\n");
		}

		private static String decodedContent(Part part) throws MessagingException, IOException {
			try {
				Object content = part.getContent();
				if (content instanceof String string) {
					return string;
				}
			}
			catch (UnsupportedEncodingException ex) {
				// handled below
			}
			try (InputStream in = part.getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}

		private static String baseType(String contentType) {
			return (contentType != null) ? contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)
					: "";
		}

		private static String contentId(Part part) throws MessagingException {
			String[] ids = part.getHeader("Content-ID");
			return (ids != null && ids.length > 0) ? ids[0].strip().replaceAll("^<|>$", "") : "";
		}

	}

}
