package com.mclass.launcher.mail;

import static com.mclass.launcher.net.Html.escape;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import com.mclass.launcher.mail.ReceivedMail.Mailbox;

/**
 * The human side of the sink: {@code /} lists the inbox, {@code /view/<ID>} shows one message. The HTML body is
 * shown in a sandboxed iframe (srcdoc, no scripts, no same-origin) so that a message cannot script the inbox.
 */
final class InboxPage implements HttpHandler {

	private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private static final String STYLE = """
			<style>
			  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", sans-serif; margin: 0;
			         color: #1f2328; background: #f6f8fa; }
			  header { background: #24292f; color: #fff; padding: 10px 20px; display: flex; align-items: center; gap: 16px; }
			  header a { color: #fff; text-decoration: none; font-weight: 600; }
			  header .spacer { flex: 1; }
			  header button { background: #cf222e; color: #fff; border: 0; padding: 6px 12px; border-radius: 6px;
			                  cursor: pointer; }
			  main { padding: 16px 20px; }
			  table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid #d0d7de; }
			  th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid #d8dee4; vertical-align: top; }
			  th { background: #f6f8fa; font-weight: 600; }
			  tr.message:hover { background: #f3f8ff; cursor: pointer; }
			  td.time { white-space: nowrap; color: #57606a; }
			  .snippet { color: #57606a; }
			  .empty { padding: 40px; text-align: center; color: #57606a; background: #fff; border: 1px solid #d0d7de; }
			  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; background: #fff;
			       border: 1px solid #d0d7de; padding: 12px; }
			  dt { font-weight: 600; color: #57606a; }
			  dd { margin: 0; word-break: break-all; }
			  iframe { width: 100%; height: 480px; border: 1px solid #d0d7de; background: #fff; }
			  pre { white-space: pre-wrap; background: #fff; border: 1px solid #d0d7de; padding: 12px; }
			  h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 24px; }
			</style>
			""";

	private final ReceivedMails mails;

	InboxPage(ReceivedMails mails) {
		this.mails = mails;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
			Responses.sendText(exchange, 405, "method not allowed");
		}
		else if (path.equals("/")) {
			Responses.sendHtml(exchange, 200, inbox(this.mails.all()));
		}
		else if (path.startsWith("/view/")) {
			Optional<ReceivedMail> mail = this.mails.find(path.substring("/view/".length()));
			if (mail.isPresent()) {
				Responses.sendHtml(exchange, 200, message(mail.get()));
			}
			else {
				Responses.sendHtml(exchange, 404,
						page("Not found", "<p>That message is gone. <a href=\"/\">Back to the inbox</a></p>"));
			}
		}
		else {
			Responses.sendHtml(exchange, 404, page("Not found", "<p>Nothing here. <a href=\"/\">Back to the inbox</a></p>"));
		}
	}

	private static String inbox(List<ReceivedMail> mails) {
		StringBuilder body = new StringBuilder();
		if (mails.isEmpty()) {
			body.append("<div class=\"empty\">No messages yet. Mail the services send to any address shows up here.</div>");
		}
		else {
			body.append("<table><thead><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr></thead><tbody>");
			for (ReceivedMail mail : mails) {
				String link = "/view/" + escape(mail.id());
				body.append("<tr class=\"message\" onclick=\"location.href='").append(link).append("'\">")
					.append("<td class=\"time\">").append(LOCAL_TIME.format(mail.created())).append("</td>")
					.append("<td>").append(escape(display(mail.from()))).append("</td>")
					.append("<td>").append(escape(display(mail.to()))).append("</td>")
					.append("<td><a href=\"").append(link).append("\">")
					.append(escape(mail.subject().isEmpty() ? "(no subject)" : mail.subject()))
					.append("</a><div class=\"snippet\">").append(escape(mail.snippet())).append("</div></td></tr>");
			}
			body.append("</tbody></table>");
		}
		// Reloads itself so that a mail the platform sends appears without touching the page.
		return page("Inbox (" + mails.size() + ")", body.toString()).replace("<head>",
				"<head><meta http-equiv=\"refresh\" content=\"5\">");
	}

	private static String message(ReceivedMail mail) {
		StringBuilder body = new StringBuilder();
		body.append("<p><a href=\"/\">← Inbox</a></p>")
			.append("<h1>").append(escape(mail.subject().isEmpty() ? "(no subject)" : mail.subject())).append("</h1>")
			.append("<dl>")
			.append(row("From", display(mail.from())))
			.append(row("To", display(mail.to())));
		if (!mail.cc().isEmpty()) {
			body.append(row("Cc", display(mail.cc())));
		}
		if (!mail.bcc().isEmpty()) {
			body.append(row("Bcc", display(mail.bcc())));
		}
		body.append(row("Date", (mail.date() != null) ? LOCAL_TIME.format(mail.date()) : ""))
			.append(row("Received", LOCAL_TIME.format(mail.created())))
			.append(row("Message-ID", mail.messageId()))
			.append(row("Size", mail.size() + " bytes"))
			.append("</dl>");
		if (!mail.html().isEmpty()) {
			body.append("<h2>HTML</h2><iframe sandbox title=\"HTML body\" srcdoc=\"").append(escape(mail.html()))
				.append("\"></iframe>");
		}
		if (!mail.text().isEmpty()) {
			body.append("<h2>Text</h2><pre>").append(escape(mail.text())).append("</pre>");
		}
		if (!mail.attachments().isEmpty()) {
			body.append("<h2>Attachments</h2><ul>");
			mail.attachments().forEach((file) -> body.append("<li>")
				.append(escape(file.fileName().isEmpty() ? "(unnamed)" : file.fileName()))
				.append(" — ").append(escape(file.contentType())).append("</li>"));
			body.append("</ul>");
		}
		body.append("<details><summary>Headers</summary><dl>");
		mail.headers().forEach((name, values) -> values.forEach((value) -> body.append(row(name, value))));
		body.append("</dl></details>")
			.append("<p><a href=\"/api/v1/message/").append(escape(mail.id())).append("/raw\">Raw message</a> · ")
			.append("<a href=\"/api/v1/message/").append(escape(mail.id())).append("\">JSON</a></p>");
		return page(mail.subject(), body.toString());
	}

	private static String row(String name, String value) {
		return "<dt>" + escape(name) + "</dt><dd>" + escape(value) + "</dd>";
	}

	private static String display(Mailbox mailbox) {
		if (mailbox.name().isEmpty()) {
			return mailbox.address();
		}
		return mailbox.name() + " <" + mailbox.address() + ">";
	}

	private static String display(List<Mailbox> mailboxes) {
		return mailboxes.stream().map(InboxPage::display).collect(Collectors.joining(", "));
	}

	private static String page(String title, String body) {
		return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
				+ " · MClass mail</title>" + STYLE + "</head><body><header><a href=\"/\">MClass mail</a>"
				+ "<span class=\"spacer\"></span>"
				+ "<button onclick=\"if (confirm('Delete every message?')) fetch('/api/v1/messages', {method: 'DELETE'})"
				+ ".then(() => location.href = '/')\">Delete all</button></header><main>" + body
				+ "</main></body></html>";
	}

}
