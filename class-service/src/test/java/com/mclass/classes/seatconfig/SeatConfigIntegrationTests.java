package com.mclass.classes.seatconfig;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.classes.Api;
import com.mclass.classes.Api.Reply;
import com.mclass.classes.ClassServiceIntegrationTest;
import com.mclass.platform.test.TestTokens;

import static com.mclass.classes.ClassFixtures.form;
import static com.mclass.classes.ClassFixtures.recruitingClass;
import static com.mclass.classes.ClassFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

@ClassServiceIntegrationTest
class SeatConfigIntegrationTests {

	private static final String SERVICE = TestTokens.service("enrollment-service");

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void enrollmentServiceReadsSeatsWindowVersionAndActiveFormWithItsServiceToken() {
		Reply created = this.api.post("/api/mclasses", Api.admin(), with(recruitingClass("좌석"), "visibility", "UNLISTED"));
		UUID id = created.id();
		this.api.put("/api/mclasses/" + id + "/enrollment-form", Api.admin(), form("v1"));
		this.api.put("/api/mclasses/" + id + "/enrollment-form", Api.admin(), form("v2"));

		Reply config = this.api.get("/internal/mclasses/" + id + "/seat-config", SERVICE);

		assertThat(config.status()).isEqualTo(200);
		JsonNode data = config.data();
		assertThat(data.path("classId").asString()).isEqualTo(id.toString());
		assertThat(data.path("capacity").asInt()).isEqualTo(30);
		assertThat(data.path("waitlistCapacity").asInt()).isEqualTo(10);
		assertThat(data.path("waitlistMode").asString()).as("freed seats are taken unless offers are asked for").isEqualTo("AUTO");
		assertThat(data.path("offerWindowMinutes").asInt()).isEqualTo(1440);
		assertThat(data.path("allowWaitlist").asBoolean()).isTrue();
		assertThat(data.path("selectionType").asString()).isEqualTo("FIRST_COME");
		assertThat(data.path("visibility").asString()).isEqualTo("UNLISTED");
		assertThat(data.path("recruitStartAt").asString()).isEqualTo(created.data().path("recruitStartAt").asString());
		assertThat(data.path("endAt").asString()).isEqualTo(created.data().path("endAt").asString());
		assertThat(data.path("version").asLong()).isZero();
		assertThat(data.path("deleted").asBoolean(true)).isFalse();
		assertThat(data.path("form").path("version").asInt()).isEqualTo(2);
		assertThat(data.path("form").path("questions")).hasSize(4);
	}

	@Test
	void aDeletedClassIsReportedAsDeletedAndAnUnknownOneIs404() {
		UUID id = this.api.post("/api/mclasses", Api.admin(), recruitingClass("삭제 좌석")).id();
		this.api.delete("/api/mclasses/" + id, Api.admin());

		Reply config = this.api.get("/internal/mclasses/" + id + "/seat-config", SERVICE);
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.data().path("deleted").asBoolean()).isTrue();
		assertThat(config.data().path("version").asLong()).isEqualTo(1);
		assertThat(config.data().path("form").isNull()).isTrue();

		assertThat(this.api.get("/internal/mclasses/" + UUID.randomUUID() + "/seat-config", SERVICE).status()).isEqualTo(404);
	}

	@Test
	void otherInternalPathsStayClosed() {
		assertThat(this.api.post("/internal/mclasses/" + UUID.randomUUID() + "/seat-config", null, "{}").status()).isEqualTo(401);
	}

	@Test
	void internalReadsRefuseCallersWithoutAServiceToken() {
		UUID id = this.api.post("/api/mclasses", Api.admin(), with(recruitingClass("비공개 좌석"), "visibility", "UNLISTED")).id();
		String path = "/internal/mclasses/" + id + "/seat-config";

		assertThat(this.api.get(path, null).status()).isEqualTo(401);
		// an admin's access token is a user's token: its audience is the API's, not the services'
		assertThat(this.api.get(path, Api.admin()).status()).isEqualTo(401);
		assertThat(this.api.get(path, TestTokens.service("enrollment-service", "mclass-api")).status()).isEqualTo(401);
		assertThat(this.api.get("/internal/stats", null).status()).isEqualTo(401);
		assertThat(this.api.get("/internal/stats", SERVICE).status()).isEqualTo(200);
	}

	@Test
	void aServiceTokenOpensNothingOutsideInternal() {
		assertThat(this.api.post("/api/mclasses", SERVICE, recruitingClass("서비스 토큰")).status()).isEqualTo(401);
	}

}
