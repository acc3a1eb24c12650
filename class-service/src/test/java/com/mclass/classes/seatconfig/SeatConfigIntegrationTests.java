package com.mclass.classes.seatconfig;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.classes.Api;
import com.mclass.classes.Api.Reply;
import com.mclass.classes.ClassServiceIntegrationTest;

import static com.mclass.classes.ClassFixtures.form;
import static com.mclass.classes.ClassFixtures.recruitingClass;
import static com.mclass.classes.ClassFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

@ClassServiceIntegrationTest
class SeatConfigIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void enrollmentServiceReadsSeatsWindowVersionAndActiveFormWithoutAToken() {
		Reply created = this.api.post("/api/mclasses", Api.admin(), with(recruitingClass("좌석"), "visibility", "UNLISTED"));
		UUID id = created.id();
		this.api.put("/api/mclasses/" + id + "/enrollment-form", Api.admin(), form("v1"));
		this.api.put("/api/mclasses/" + id + "/enrollment-form", Api.admin(), form("v2"));

		Reply config = this.api.get("/internal/mclasses/" + id + "/seat-config", null);

		assertThat(config.status()).isEqualTo(200);
		JsonNode data = config.data();
		assertThat(data.path("classId").asString()).isEqualTo(id.toString());
		assertThat(data.path("capacity").asInt()).isEqualTo(30);
		assertThat(data.path("waitlistCapacity").asInt()).isEqualTo(10);
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

		Reply config = this.api.get("/internal/mclasses/" + id + "/seat-config", null);
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.data().path("deleted").asBoolean()).isTrue();
		assertThat(config.data().path("version").asLong()).isEqualTo(1);
		assertThat(config.data().path("form").isNull()).isTrue();

		assertThat(this.api.get("/internal/mclasses/" + UUID.randomUUID() + "/seat-config", null).status()).isEqualTo(404);
	}

	@Test
	void otherInternalPathsStayClosed() {
		assertThat(this.api.post("/internal/mclasses/" + UUID.randomUUID() + "/seat-config", null, "{}").status()).isEqualTo(401);
	}

}
