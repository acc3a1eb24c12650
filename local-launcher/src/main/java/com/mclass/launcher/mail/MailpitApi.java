package com.mclass.launcher.mail;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mclass.launcher.mail.MailpitJson.Error;
import com.mclass.launcher.mail.MailpitJson.Message;
import com.mclass.launcher.mail.MailpitJson.MessagesPage;

/**
 * {@code /api/v1/...}: the part of Mailpit's REST API that tests use to read what the platform sent. Mailpit's
 * {@code latest} works as a message ID too.
 */
final class MailpitApi implements HttpHandler {

	private static final Logger log = LoggerFactory.getLogger(MailpitApi.class);

	private static final Pattern MESSAGE = Pattern.compile("/api/v1/message/([^/]+)(/headers|/raw)?/?");

	private static final int DEFAULT_PAGE_SIZE = 50;

	private final ReceivedMails mails;

	private final JsonMapper json = JsonMapper.builder().build();

	MailpitApi(ReceivedMails mails) {
		this.mails = mails;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try {
			route(exchange);
		}
		catch (RuntimeException ex) {
			log.warn("Mail API request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), ex);
			sendJson(exchange, 500, new Error(ex.toString()));
		}
	}

	private void route(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		if (path.equals("/api/v1/messages") || path.equals("/api/v1/messages/")) {
			if (method.equals("GET") || method.equals("HEAD")) {
				listMessages(exchange, this.mails.all());
			}
			else if (method.equals("DELETE")) {
				deleteMessages(exchange);
			}
			else {
				sendJson(exchange, 405, new Error("method not allowed: " + method));
			}
			return;
		}
		if (path.equals("/api/v1/search") && (method.equals("GET") || method.equals("HEAD"))) {
			listMessages(exchange, this.mails.search(Responses.queryParameters(exchange).getOrDefault("query", "")));
			return;
		}
		Matcher message = MESSAGE.matcher(path);
		if (message.matches() && (method.equals("GET") || method.equals("HEAD"))) {
			Optional<ReceivedMail> mail = find(message.group(1));
			if (mail.isEmpty()) {
				sendJson(exchange, 404, new Error("message not found: " + message.group(1)));
			}
			else if ("/headers".equals(message.group(2))) {
				sendJson(exchange, 200, mail.get().headers());
			}
			else if ("/raw".equals(message.group(2))) {
				Responses.send(exchange, 200, "text/plain; charset=utf-8", mail.get().raw());
			}
			else {
				sendJson(exchange, 200, Message.of(mail.get()));
			}
			return;
		}
		sendJson(exchange, 404, new Error("no such endpoint: " + method + " " + path));
	}

	private Optional<ReceivedMail> find(String id) {
		if (id.equals("latest")) {
			return this.mails.all().stream().findFirst();
		}
		return this.mails.find(id);
	}

	private void listMessages(HttpExchange exchange, List<ReceivedMail> matching) throws IOException {
		Map<String, String> parameters = Responses.queryParameters(exchange);
		int start = Math.max(0, intParameter(parameters, "start", 0));
		int limit = intParameter(parameters, "limit", DEFAULT_PAGE_SIZE);
		sendJson(exchange, 200, MessagesPage.of(matching, start, (limit > 0) ? limit : Integer.MAX_VALUE));
	}

	/** Mailpit deletes the messages named in {@code {"IDs": [...]}}, or all of them when no IDs are given. */
	private void deleteMessages(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		JsonNode ids = (body.length > 0) ? this.json.readTree(body).path("IDs") : null;
		if (ids != null && ids.isArray() && !ids.isEmpty()) {
			this.mails.delete(ids.valueStream().map(JsonNode::asString).toList());
		}
		else {
			this.mails.clear();
		}
		Responses.sendText(exchange, 200, "ok");
	}

	private static int intParameter(Map<String, String> parameters, String name, int fallback) {
		try {
			return Integer.parseInt(parameters.getOrDefault(name, String.valueOf(fallback)));
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
		Responses.send(exchange, status, "application/json", this.json.writeValueAsBytes(body));
	}

}
