package com.mclass.systemtests;

import java.net.URI;
import java.util.Map;

/** The SMTP sink's Mailpit-compatible API, where the platform's emails land. */
record MailInbox(URI url) {

	Gateway.Reply messages() {
		return new Gateway(this.url).get("/api/v1/messages", Map.of());
	}

}
