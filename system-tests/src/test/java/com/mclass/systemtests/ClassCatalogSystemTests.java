package com.mclass.systemtests;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin publishes a class with a form; a student lists, searches and reads it, all through the gateway. */
@ExtendWith(RunningPlatform.class)
class ClassCatalogSystemTests {

	@Test
	void anAdminPublishesAClassAndAStudentFindsIt(Gateway gateway) {
		String admin = Accounts.adminToken(gateway);
		String marker = "시스템테스트" + UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Gateway.Reply created = gateway.post("/api/mclasses", """
				{"title":"%s 자바 입문","description":"처음 배우는 자바","capacity":30,"waitlistCapacity":10,
				 "allowWaitlist":true,"visibility":"PUBLIC","selectionType":"FIRST_COME","isOnline":true,"fee":0,
				 "recruitStartAt":"%s","recruitEndAt":"%s","startAt":"%s","endAt":"%s"}"""
			.formatted(marker, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS),
					now.plus(3, ChronoUnit.DAYS)), Gateway.bearer(admin));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String classId = created.json().path("data").path("id").asString();

		Gateway.Reply form = gateway.put("/api/mclasses/" + classId + "/enrollment-form", """
				{"title":"신청서","description":"","questions":[
				  {"id":"phone","type":"phone","label":"연락처","required":true},
				  {"id":"level","type":"radio","label":"수준","required":true,"options":["초급","중급"]},
				  {"id":"agree","type":"agreeTerms","label":"개인정보 동의","required":true}]}""", Gateway.bearer(admin));
		assertThat(form.status()).as(form.body()).isIn(200, 201);

		String student = Accounts.registerStudent(gateway, "최강").path("accessToken").asString();
		Gateway.Reply found = gateway.get("/api/mclasses?q=" + marker, Gateway.bearer(student));
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().path("data").findValuesAsString("id")).containsExactly(classId);
		assertThat(found.json().path("meta").path("totalElements").asInt()).isEqualTo(1);

		JsonNode detail = gateway.get("/api/mclasses/" + classId, Map.of()).json().path("data");
		assertThat(detail.path("capacity").asInt()).isEqualTo(30);
		JsonNode questions = gateway.get("/api/mclasses/" + classId + "/enrollment-form", Map.of()).json().path("data").path("questions");
		assertThat(questions.findValuesAsString("id")).containsExactly("phone", "level", "agree");
	}

	@Test
	void studentsCannotPublishClasses(Gateway gateway) {
		String student = Accounts.registerStudent(gateway, "정우주").path("accessToken").asString();
		Gateway.Reply reply = gateway.post("/api/mclasses", "{}", Gateway.bearer(student));
		assertThat(reply.status()).isEqualTo(403);
	}

	@Test
	void aMalformedClassIdIsA400NotA500(Gateway gateway) {
		Gateway.Reply reply = gateway.get("/api/mclasses/not-a-uuid", Map.of());
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("error").path("details").get(0).path("field").asString()).isEqualTo("id");
	}

	@Test
	void theSeededDemoClassesAreListed(Gateway gateway) {
		Gateway.Reply reply = gateway.get("/api/mclasses?size=100", Map.of());
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("data").findValuesAsString("id")).contains("5eed0000-0000-4000-8000-000000000001");
	}

}
