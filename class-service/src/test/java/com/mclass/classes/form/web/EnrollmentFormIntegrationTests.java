package com.mclass.classes.form.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.classes.Api;
import com.mclass.classes.Api.Reply;
import com.mclass.classes.ClassServiceIntegrationTest;

import static com.mclass.classes.ClassFixtures.form;
import static com.mclass.classes.ClassFixtures.recruitingClass;
import static com.mclass.classes.ClassFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

@ClassServiceIntegrationTest
class EnrollmentFormIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	UUID classId;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.classId = this.api.post("/api/mclasses", Api.admin(), recruitingClass("신청서 클래스")).id();
	}

	private String formPath() {
		return "/api/mclasses/" + this.classId + "/enrollment-form";
	}

	@Test
	void eachPublicationIsANewVersionAndOldVersionsStayReadable() {
		Reply first = this.api.put(formPath(), Api.admin(), form("첫 신청서"));
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.data().path("version").asInt()).isEqualTo(1);
		assertThat(first.data().path("isActive").asBoolean()).isTrue();
		assertThat(first.data().path("mclassId").asString()).isEqualTo(this.classId.toString());
		assertThat(first.data().path("questions")).hasSize(4);
		assertThat(first.data().path("questions").get(2).path("options").get(0).asString()).isEqualTo("입문");

		Reply second = this.api.put(formPath(), Api.admin(), with(form("둘째 신청서"), "questions",
				List.of(Map.of("id", "why", "type", "textarea", "label", "지원 동기", "required", true))));
		assertThat(second.data().path("version").asInt()).isEqualTo(2);

		Reply active = this.api.get(formPath(), null);
		assertThat(active.data().path("version").asInt()).isEqualTo(2);
		assertThat(active.data().path("title").asString()).isEqualTo("둘째 신청서");
		Reply old = this.api.get(formPath() + "/versions/1", null);
		assertThat(old.status()).isEqualTo(200);
		assertThat(old.data().path("title").asString()).isEqualTo("첫 신청서");
		assertThat(old.data().path("isActive").asBoolean(true)).isFalse();
		assertThat(old.data().path("questions")).hasSize(4);
		Reply history = this.api.get(formPath() + "/versions", null);
		assertThat(history.data().valueStream().map((v) -> v.path("version").asInt()).toList()).containsExactly(2, 1);
		assertThat(this.api.get(formPath() + "/versions/3", null).status()).isEqualTo(404);
	}

	@Test
	void parallelPublicationsGetConsecutiveVersions() throws Exception {
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<Reply>> replies = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				int n = i;
				replies.add(pool.submit(() -> this.api.put(formPath(), Api.admin(), form("동시 " + n))));
			}
			List<Integer> versions = new java.util.ArrayList<>();
			for (var reply : replies) {
				versions.add(reply.get().data().path("version").asInt());
			}
			assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anInvalidFormListsEveryFaultAcrossDraftAndQuestions() {
		Map<String, Object> draft = Map.of("title", "", "questions", List.of(
				Map.of("id", "bad id", "type", "text", "label", "이름"),
				Map.of("id", "pick", "type", "radio", "label", "선택", "required", true),
				Map.of("id", "code", "type", "text", "label", "코드", "validation", Map.of("pattern", "(a+)+$", "minLength", 9, "maxLength", 3)),
				Map.of("id", "pick", "type", "slider", "label", "")));
		Reply refused = this.api.put(formPath(), Api.admin(), draft);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.fields()).containsExactlyInAnyOrder("title", "questions[0].id", "questions[1].options",
				"questions[2].validation.maxLength", "questions[2].validation.pattern", "questions[3].id", "questions[3].type",
				"questions[3].label");
		assertThat(refused.reason("questions[2].validation.pattern")).isEqualTo("반복되는 그룹 안에 다시 반복을 둘 수 없습니다 (예: (a+)+)");
		assertThat(refused.reason("questions[3].type")).startsWith("지원하지 않는 질문 유형입니다").contains("agreeTerms");
		assertThat(this.api.get(formPath(), null).status()).isEqualTo(404);
	}

	@Test
	void formMessagesAreEnglishWhenAsked() {
		Reply refused = this.api.put(formPath(), Api.admin(), Map.of("title", "t", "questions", List.of(
				Map.of("id", "q", "type", "text", "label", "x".repeat(201)))), "Accept-Language", "en");
		assertThat(refused.reason("questions[0].label")).isEqualTo("must be between 1 and 200 characters long");
		Reply none = this.api.put(formPath(), Api.admin(), Map.of("title", "t", "questions", List.of()), "Accept-Language", "en");
		assertThat(none.reason("questions")).isEqualTo("must hold between 1 and 50 questions");
	}

	@Test
	void anUnknownQuestionTypeIsAFieldOfTheValidationErrorNotAnUnreadableBody() {
		Reply refused = this.api.put(formPath(), Api.admin(), Map.of("title", "t", "questions", List.of(
				Map.of("id", "q", "type", "slider", "label", "l"))), "Accept-Language", "en");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.fields()).containsExactly("questions[0].type");
		assertThat(refused.reason("questions[0].type"))
			.isEqualTo("is not a question type; use one of text, textarea, email, phone, date, radio, checkbox, select, agreeTerms");
	}

	@Test
	void aQuestionWithoutRequiredIsPublishedAsOptional() {
		Reply published = this.api.put(formPath(), Api.admin(), Map.of("title", "t", "questions", List.of(
				Map.of("id", "nick", "type", "text", "label", "별명"))));
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		var question = published.data().path("questions").get(0);
		assertThat(question.path("type").asString()).isEqualTo("text");
		assertThat(question.path("required").isBoolean()).isTrue();
		assertThat(question.path("required").asBoolean(true)).isFalse();
		// Absent values stay in the JSON as null, as clients have always read them.
		assertThat(question.has("options")).isTrue();
		assertThat(question.path("options").isNull()).isTrue();
	}

	@Test
	void onlyAdminsPublish() {
		assertThat(this.api.put(formPath(), null, form("x")).status()).isEqualTo(401);
		assertThat(this.api.put(formPath(), Api.user(), form("x")).status()).isEqualTo(403);
	}

	@Test
	void aFormIsReadableWhereverItsClassIs() {
		assertThat(this.api.get(formPath(), null).errorCode()).isEqualTo("ENROLLMENT_FORM_NOT_FOUND");
		assertThat(this.api.get(formPath(), null).errorMessage()).isEqualTo("이 클래스에는 신청서가 없습니다.");

		UUID unlisted = this.api.post("/api/mclasses", Api.admin(), with(recruitingClass("비공개"), "visibility", "UNLISTED")).id();
		this.api.put("/api/mclasses/" + unlisted + "/enrollment-form", Api.admin(), form("비공개 신청서"));
		assertThat(this.api.get("/api/mclasses/" + unlisted + "/enrollment-form", null).status()).isEqualTo(200);

		this.api.put(formPath(), Api.admin(), form("삭제될 신청서"));
		this.api.delete("/api/mclasses/" + this.classId, Api.admin());
		Reply gone = this.api.get(formPath(), null);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(this.api.put(formPath(), Api.admin(), form("x")).status()).isEqualTo(404);
		assertThat(this.api.get("/api/mclasses/" + UUID.randomUUID() + "/enrollment-form", null).errorCode()).isEqualTo("NOT_FOUND");
	}

}
