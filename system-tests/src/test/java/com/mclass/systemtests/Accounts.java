package com.mclass.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs people up and in through the gateway, as a front end would. */
final class Accounts {

	static final String ADMIN_EMAIL = "admin@mclass.local";

	static final String ADMIN_PASSWORD = "mclass-admin-dev-only";

	private Accounts() {
	}

	/** Registers a new student agreeing to every required term; returns the token pair's JSON. */
	static JsonNode registerStudent(Gateway gateway, String name) {
		List<String> required = new ArrayList<>();
		for (JsonNode term : gateway.get("/api/terms", Map.of()).json().path("data")) {
			if (term.path("isRequired").asBoolean()) {
				required.add("\"" + term.path("id").asString() + "\"");
			}
		}
		String email = "student-" + UUID.randomUUID() + "@example.com";
		Gateway.Reply reply = gateway.post("/api/auth/register", """
				{"email":"%s","password":"correct horse battery staple","name":"%s","termIds":[%s]}"""
			.formatted(email, name, String.join(",", required)), Map.of());
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().path("data");
	}

	static String adminToken(Gateway gateway) {
		Gateway.Reply reply = gateway.post("/api/auth/login",
				"{\"email\":\"%s\",\"password\":\"%s\"}".formatted(ADMIN_EMAIL, ADMIN_PASSWORD), Map.of());
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("data").path("accessToken").asString();
	}

}
