package com.mclass.classes.mclass.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.classes.Api;
import com.mclass.classes.Api.Reply;
import com.mclass.classes.ClassServiceIntegrationTest;

import static com.mclass.classes.ClassFixtures.closedClass;
import static com.mclass.classes.ClassFixtures.recruitingClass;
import static com.mclass.classes.ClassFixtures.upcomingClass;
import static com.mclass.classes.ClassFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list and by-id reads. Every test tags its classes with a fresh marker and searches for it, so that classes
 * other tests created in the shared database do not count.
 */
@ClassServiceIntegrationTest
class ClassCatalogIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	String marker;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private UUID create(Map<String, Object> body) {
		Reply created = this.api.post("/api/mclasses", Api.admin(), body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	private List<String> titles(Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.data().valueStream().map((c) -> c.path("title").asString()).toList();
	}

	private Reply list(String token, String query) {
		return this.api.get("/api/mclasses?q=" + this.marker + (query.isEmpty() ? "" : "&" + query), token);
	}

	@Test
	void visibilityMatrixForListsAndReadsById() {
		UUID publicId = create(recruitingClass("공개 " + this.marker));
		UUID unlistedId = create(with(recruitingClass("비공개 " + this.marker), "visibility", "UNLISTED"));
		UUID deletedId = create(recruitingClass("삭제됨 " + this.marker));
		assertThat(this.api.delete("/api/mclasses/" + deletedId, Api.admin()).status()).isEqualTo(200);

		assertThat(titles(list(null, ""))).containsExactly("공개 " + this.marker);
		assertThat(titles(list(Api.user(), ""))).containsExactly("공개 " + this.marker);
		assertThat(titles(list(Api.admin(), ""))).containsExactlyInAnyOrder("공개 " + this.marker, "비공개 " + this.marker);

		for (String token : new String[] { null, Api.user(), Api.admin() }) {
			assertThat(this.api.get("/api/mclasses/" + publicId, token).status()).isEqualTo(200);
			assertThat(this.api.get("/api/mclasses/" + unlistedId, token).status()).isEqualTo(200);
			assertThat(this.api.get("/api/mclasses/" + deletedId, token).status()).isEqualTo(404);
		}
	}

	@Test
	void searchFindsWordsInTitleOrDescriptionCaseInsensitively() {
		create(with(recruitingClass("Spring Boot " + this.marker), "description", "백엔드 기초"));
		create(with(recruitingClass("데이터 분석 " + this.marker), "description", "spring 배치로 하는 ETL"));
		create(with(recruitingClass("리액트 " + this.marker), "description", "프론트엔드"));

		assertThat(titles(this.api.get("/api/mclasses?q=" + this.marker.toUpperCase(), null))).hasSize(3);
		Reply spring = this.api.get("/api/mclasses?size=100&q=SPRING", null);
		assertThat(titles(spring)).contains("Spring Boot " + this.marker, "데이터 분석 " + this.marker)
			.doesNotContain("리액트 " + this.marker);
		assertThat(titles(this.api.get("/api/mclasses?size=100&q=" + enc("백엔드 기초"), null))).contains("Spring Boot " + this.marker);
	}

	@Test
	void likeWildcardsInTheQueryAreLiteral() {
		create(recruitingClass("할인 100% " + this.marker));
		create(recruitingClass("할인 1000 " + this.marker));
		assertThat(titles(this.api.get("/api/mclasses?q=" + enc("100% " + this.marker), null))).containsExactly("할인 100% " + this.marker);
		assertThat(titles(this.api.get("/api/mclasses?q=" + enc("_" + this.marker), null))).isEmpty();
	}

	@Test
	void filtersByRecruitStateOnlineAndSelectionType() {
		create(recruitingClass("모집중 " + this.marker));
		create(upcomingClass("예정 " + this.marker));
		create(closedClass("마감 " + this.marker));
		create(with(recruitingClass("온라인 심사 " + this.marker), "isOnline", true, "selectionType", "REVIEW"));

		assertThat(titles(list(null, "recruit=OPEN"))).containsExactlyInAnyOrder("모집중 " + this.marker, "온라인 심사 " + this.marker);
		assertThat(titles(list(null, "recruit=UPCOMING"))).containsExactly("예정 " + this.marker);
		assertThat(titles(list(null, "recruit=CLOSED"))).containsExactly("마감 " + this.marker);
		assertThat(titles(list(null, "online=true"))).containsExactly("온라인 심사 " + this.marker);
		assertThat(titles(list(null, "online=false"))).hasSize(3);
		assertThat(titles(list(null, "selectionType=REVIEW"))).containsExactly("온라인 심사 " + this.marker);
		assertThat(titles(list(null, "recruit=OPEN&online=false&selectionType=FIRST_COME"))).containsExactly("모집중 " + this.marker);
		Reply one = this.api.get("/api/mclasses?q=" + this.marker + "&recruit=UPCOMING", null);
		assertThat(one.data().get(0).path("recruitState").asString()).isEqualTo("UPCOMING");
	}

	@Test
	void sortsOnWhitelistedFields() {
		create(upcomingClass("나 " + this.marker));
		create(recruitingClass("가 " + this.marker));
		create(closedClass("다 " + this.marker));

		assertThat(titles(list(null, "sort=title"))).containsExactly("가 " + this.marker, "나 " + this.marker, "다 " + this.marker);
		assertThat(titles(list(null, "sort=title,desc"))).containsExactly("다 " + this.marker, "나 " + this.marker, "가 " + this.marker);
		assertThat(titles(list(null, "sort=recruitStartAt,desc"))).containsExactly("나 " + this.marker, "가 " + this.marker, "다 " + this.marker);
		assertThat(titles(list(null, "sort=recruitEndAt,ASC"))).containsExactly("다 " + this.marker, "가 " + this.marker, "나 " + this.marker);
		// default: newest first
		assertThat(titles(list(null, ""))).containsExactly("다 " + this.marker, "가 " + this.marker, "나 " + this.marker);
	}

	@Test
	void pagesCarryTheirTotals() {
		for (int i = 0; i < 5; i++) {
			create(recruitingClass("페이지 " + i + " " + this.marker));
		}
		Reply first = list(null, "size=2&sort=title");
		assertThat(titles(first)).containsExactly("페이지 0 " + this.marker, "페이지 1 " + this.marker);
		JsonNode meta = first.body().path("meta");
		assertThat(meta.path("page").asInt()).isZero();
		assertThat(meta.path("size").asInt()).isEqualTo(2);
		assertThat(meta.path("totalElements").asLong()).isEqualTo(5);
		assertThat(meta.path("totalPages").asInt()).isEqualTo(3);
		assertThat(titles(list(null, "size=2&sort=title&page=2"))).containsExactly("페이지 4 " + this.marker);
		assertThat(titles(list(null, "size=2&sort=title&page=3"))).isEmpty();
	}

	@Test
	void badParametersAreA400NamingEachOne() {
		Reply tooBig = this.api.get("/api/mclasses?size=101", null);
		assertThat(tooBig.status()).isEqualTo(400);
		assertThat(tooBig.errorCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(tooBig.fields()).containsExactly("size");
		assertThat(this.api.get("/api/mclasses?size=100", null).status()).isEqualTo(200);
		assertThat(this.api.get("/api/mclasses?size=0", null).fields()).containsExactly("size");
		assertThat(this.api.get("/api/mclasses?page=-1", null).fields()).containsExactly("page");

		Reply badSort = this.api.get("/api/mclasses?sort=password,desc", null);
		assertThat(badSort.status()).isEqualTo(400);
		assertThat(badSort.fields()).containsExactly("sort");
		assertThat(badSort.reason("sort")).contains("recruitStartAt");
		assertThat(this.api.get("/api/mclasses?sort=title,sideways", null).fields()).containsExactly("sort");
		assertThat(this.api.get("/api/mclasses?size=500&sort=nope", null).fields()).containsExactlyInAnyOrder("size", "sort");
		assertThat(this.api.get("/api/mclasses?recruit=SOON", null).fields()).containsExactly("recruit");
		assertThat(this.api.get("/api/mclasses?q=" + "x".repeat(101), null).fields()).containsExactly("q");
	}

	@Test
	void aReadAfterAnUpdateOrDeleteSeesTheChangeThroughTheCache() {
		UUID id = create(recruitingClass("캐시 " + this.marker));
		assertThat(this.api.get("/api/mclasses/" + id, null).data().path("version").asLong()).isZero(); // cached now
		this.api.put("/api/mclasses/" + id, Api.admin(), with(recruitingClass("캐시 수정 " + this.marker), "version", 0));

		Reply read = this.api.get("/api/mclasses/" + id, null);
		assertThat(read.data().path("title").asString()).isEqualTo("캐시 수정 " + this.marker);
		assertThat(read.data().path("version").asLong()).isEqualTo(1);

		this.api.delete("/api/mclasses/" + id, Api.admin());
		assertThat(this.api.get("/api/mclasses/" + id, null).status()).isEqualTo(404);
	}

	private static String enc(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
