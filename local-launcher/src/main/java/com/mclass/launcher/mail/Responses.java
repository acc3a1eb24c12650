package com.mclass.launcher.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** Writing a whole response in one go, which is all the sink's small pages and JSON documents need. */
final class Responses {

	private Responses() {
	}

	static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || status == 204;
		exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
		if (!noBody) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		exchange.close();
	}

	static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
		send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
	}

	static void sendText(HttpExchange exchange, int status, String text) throws IOException {
		send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
	}

	static Map<String, String> queryParameters(HttpExchange exchange) {
		Map<String, String> parameters = new HashMap<>();
		String query = exchange.getRequestURI().getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				String name = (equals >= 0) ? pair.substring(0, equals) : pair;
				String value = (equals >= 0) ? pair.substring(equals + 1) : "";
				parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

}
