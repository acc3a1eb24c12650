package com.mclass.launcher.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message as the SMTP sink received it: its envelope and headers read on arrival, its bodies decoded from the raw
 * message the first time someone looks at them ({@link #text()}, {@link #html()}, {@link #attachments()}). Walking the
 * MIME tree was three quarters of the sink's CPU, paid for every mail of a benchmark that nobody reads; the
 * platform's own mail is one multipart message per seat taken. The envelope recipients are kept because Bcc only
 * exists there.
 */
record ReceivedMail(String id, String messageId, Mailbox from, List<Mailbox> to, List<Mailbox> cc,
		List<Mailbox> bcc, List<Mailbox> replyTo, String returnPath, String subject, Instant date, Instant created,
		int size, Map<String, List<String>> headers, byte[] raw, DecodedOnDemand bodies) {

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
		byte[] bytes = raw.toByteArray();
		return new ReceivedMail(UUID.randomUUID().toString(), messageId(message), firstMailbox(message.getFrom()), to,
				cc, blindCopies(envelopeRecipients, to, cc), mailboxes(message.getReplyTo()),
				(returnPath != null) ? returnPath : "", (message.getSubject() != null) ? message.getSubject() : "",
				(message.getSentDate() != null) ? message.getSentDate().toInstant() : null, created, bytes.length,
				headers(message), bytes, new DecodedOnDemand(bytes));
	}

	/** The first text/plain body, with LF line ends; empty if there is none. */
	String text() {
		return this.bodies.get().text;
	}

	/** The first text/html body; empty if there is none. */
	String html() {
		return this.bodies.get().html;
	}

	/** Every other leaf part. */
	List<AttachedFile> attachments() {
		return Collections.unmodifiableList(this.bodies.get().attachments);
	}

	/** Mailpit's snippet: the start of the text (or of the HTML without its tags), whitespace collapsed. */
	String snippet() {
		String source = !text().isBlank() ? text()
				: html().replaceAll("(?is)<(style|script)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]*>", " ");
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
						|| anyMatches(this.cc, needle) || contains(text(), needle) || contains(html(), needle);
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

	/** The bodies of one raw message, decoded once, on first use. */
	static final class DecodedOnDemand {

		private static final Logger log = LoggerFactory.getLogger(DecodedOnDemand.class);

		private final byte[] raw;

		private Bodies decoded;

		DecodedOnDemand(byte[] raw) {
			this.raw = raw;
		}

		synchronized Bodies get() {
			if (this.decoded == null) {
				Bodies bodies = new Bodies();
				try {
					bodies.collect(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(this.raw)), "");
				}
				catch (IOException | MessagingException | RuntimeException ex) {
					// Headers and the raw message are still there; the bodies read as empty.
					log.warn("Could not decode the bodies of a received message: {}", ex.toString());
					bodies = new Bodies();
				}
				this.decoded = bodies;
			}
			return this.decoded;
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
