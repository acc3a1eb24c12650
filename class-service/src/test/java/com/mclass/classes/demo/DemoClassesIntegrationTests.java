package com.mclass.classes.demo;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.classes.Api;
import com.mclass.classes.Api.Reply;
import com.mclass.classes.ClassServiceIntegrationTest;
import com.mclass.classes.form.EnrollmentForms;
import com.mclass.classes.form.PublishingForm;
import com.mclass.classes.mclass.ClassAdministration;
import com.mclass.classes.mclass.MClasses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeding runs here by hand in the shared context (where {@code mclass.demo-data.enabled} is off), so the suite
 * keeps one application context.
 */
@ClassServiceIntegrationTest
class DemoClassesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ClassAdministration administration;

	@Autowired
	PublishingForm publishing;

	@Autowired
	MClasses classes;

	@Autowired
	EnrollmentForms forms;

	@Test
	void seedingCreatesTheDemoClassesOnceAndIsOffByDefault() {
		DemoClasses demo = new DemoClasses(this.administration, this.publishing, this.classes, this.forms, Clock.systemUTC(),
				UUID.randomUUID());

		assertThat(demo.seed()).isEqualTo(4);
		assertThat(demo.seed()).isZero();

		Api api = new Api(this.port);
		Reply firstCome = api.get("/api/mclasses/" + DemoClasses.FIRST_COME_ID, null);
		assertThat(firstCome.data().path("capacity").asInt()).isEqualTo(200);
		assertThat(firstCome.data().path("waitlistCapacity").asInt()).isEqualTo(100);
		assertThat(firstCome.data().path("recruitState").asString()).isEqualTo("OPEN");
		assertThat(api.get("/api/mclasses/" + DemoClasses.FIRST_COME_ID + "/enrollment-form", null).data().path("version").asInt())
			.isEqualTo(1);
		assertThat(api.get("/api/mclasses/" + DemoClasses.REVIEW_ID, null).data().path("selectionType").asString()).isEqualTo("REVIEW");
		assertThat(api.get("/api/mclasses/" + DemoClasses.UPCOMING_ID, null).data().path("recruitState").asString()).isEqualTo("UPCOMING");
		assertThat(api.get("/api/mclasses/" + DemoClasses.UNLISTED_ID, null).data().path("visibility").asString()).isEqualTo("UNLISTED");
		assertThat(api.get("/api/mclasses?q=" + java.net.URLEncoder.encode("리더십 워크숍", java.nio.charset.StandardCharsets.UTF_8), null)
			.data()).isEmpty();
		assertThat(api.get("/api/mclasses/" + DemoClasses.FIRST_COME_ID + "/enrollment-form/versions", null).data()).hasSize(1);
	}

}
