package com.mclass.systemtests;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The SMTP sink's Mailpit-compatible API, where the platform's emails land. */
record MailInbox(URI url) {

	Gateway.Reply messages() {
		return new Gateway(this.url).get("/api/v1/messages", Map.of());
	}

	/** One message with its {@code Text} and {@code HTML}. */
	Gateway.Reply message(String id) {
		return new Gateway(this.url).get("/api/v1/message/" + id, Map.of());
	}

	/** The text part of the newest message to {@code address} whose subject contains {@code subject}, once it arrived. */
	String awaitText(String address, String subject, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			for (JsonNode message : messages().json().path("messages")) {
				if (message.path("To").findValuesAsString("Address").contains(address)
						&& message.path("Subject").asString().contains(subject)) {
					return message(message.path("ID").asString()).json().path("Text").asString();
				}
			}
			Thread.sleep(200);
		}
		throw new AssertionError("No mail '" + subject + "' to " + address + " within " + timeout);
	}

}
