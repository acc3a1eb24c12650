package com.mclass.launcher.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.mclass.launcher.mail.ReceivedMail.AttachedFile;
import com.mclass.launcher.mail.ReceivedMail.Mailbox;

/**
 * The JSON shapes of Mailpit's API v1 (the subset the platform's tests and tools read), so that anything written
 * against Mailpit in docker-compose works against this sink unchanged. Field names are Mailpit's, capitals and all.
 */
final class MailpitJson {

	private static final DateTimeFormatter MAILPIT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private MailpitJson() {
	}

	record MessagesPage(@JsonProperty("total") int total, @JsonProperty("unread") int unread,
			@JsonProperty("count") int count, @JsonProperty("messages_count") int messagesCount,
			@JsonProperty("start") int start, @JsonProperty("tags") List<String> tags,
			@JsonProperty("messages") List<MessageSummary> messages) {

		static MessagesPage of(List<ReceivedMail> matching, int start, int limit) {
			List<MessageSummary> page = matching.stream()
				.skip(start)
				.limit(limit)
				.map(MessageSummary::of)
				.toList();
			return new MessagesPage(matching.size(), 0, page.size(), matching.size(), start, List.of(), page);
		}

	}

	record MessageSummary(@JsonProperty("ID") String id, @JsonProperty("MessageID") String messageId,
			@JsonProperty("Read") boolean read, @JsonProperty("From") Address from,
			@JsonProperty("To") List<Address> to, @JsonProperty("Cc") List<Address> cc,
			@JsonProperty("Bcc") List<Address> bcc, @JsonProperty("ReplyTo") List<Address> replyTo,
			@JsonProperty("Subject") String subject, @JsonProperty("Created") String created,
			@JsonProperty("Tags") List<String> tags, @JsonProperty("Size") int size,
			@JsonProperty("Attachments") int attachments, @JsonProperty("Snippet") String snippet) {

		static MessageSummary of(ReceivedMail mail) {
			return new MessageSummary(mail.id(), mail.messageId(), false, Address.of(mail.from()),
					Address.of(mail.to()), Address.of(mail.cc()), Address.of(mail.bcc()), Address.of(mail.replyTo()),
					mail.subject(), time(mail.created()), List.of(), mail.size(), mail.attachments().size(),
					mail.snippet());
		}

	}

	record Message(@JsonProperty("ID") String id, @JsonProperty("MessageID") String messageId,
			@JsonProperty("From") Address from, @JsonProperty("To") List<Address> to,
			@JsonProperty("Cc") List<Address> cc, @JsonProperty("Bcc") List<Address> bcc,
			@JsonProperty("ReplyTo") List<Address> replyTo, @JsonProperty("ReturnPath") String returnPath,
			@JsonProperty("Subject") String subject, @JsonProperty("Date") String date,
			@JsonProperty("Tags") List<String> tags, @JsonProperty("Text") String text,
			@JsonProperty("HTML") String html, @JsonProperty("Size") int size,
			@JsonProperty("Inline") List<Attachment> inline, @JsonProperty("Attachments") List<Attachment> attachments) {

		static Message of(ReceivedMail mail) {
			return new Message(mail.id(), mail.messageId(), Address.of(mail.from()), Address.of(mail.to()),
					Address.of(mail.cc()), Address.of(mail.bcc()), Address.of(mail.replyTo()), mail.returnPath(),
					mail.subject(), time((mail.date() != null) ? mail.date() : mail.created()), List.of(), mail.text(),
					mail.html(), mail.size(),
					mail.attachments().stream().filter((file) -> !file.contentId().isEmpty()).map(Attachment::of).toList(),
					mail.attachments().stream().filter((file) -> file.contentId().isEmpty()).map(Attachment::of).toList());
		}

	}

	record Address(@JsonProperty("Name") String name, @JsonProperty("Address") String address) {

		static Address of(Mailbox mailbox) {
			return new Address(mailbox.name(), mailbox.address());
		}

		static List<Address> of(List<Mailbox> mailboxes) {
			return mailboxes.stream().map(Address::of).toList();
		}

	}

	record Attachment(@JsonProperty("PartID") String partId, @JsonProperty("FileName") String fileName,
			@JsonProperty("ContentType") String contentType, @JsonProperty("ContentID") String contentId,
			@JsonProperty("Size") int size) {

		static Attachment of(AttachedFile file) {
			return new Attachment(file.partId(), file.fileName(), file.contentType(), file.contentId(), file.size());
		}

	}

	record Error(@JsonProperty("error") String error) {
	}

	static String time(Instant instant) {
		return MAILPIT_TIME.format(instant);
	}

}
