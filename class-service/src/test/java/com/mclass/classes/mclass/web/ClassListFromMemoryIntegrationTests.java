package com.mclass.classes.mclass.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.mclass.classes.Api;
import com.mclass.platform.test.Burst;
import com.mclass.classes.ClassServiceIntegrationTest;
import com.mclass.classes.mclass.ClassCatalog;
import com.mclass.classes.mclass.ClassListSnapshot;
import com.mclass.classes.mclass.ClassPage;
import com.mclass.classes.mclass.ClassSearch;
import com.mclass.classes.mclass.ClassSort;
import com.mclass.classes.mclass.ClassView;
import com.mclass.classes.mclass.RecruitState;
import com.mclass.classes.mclass.SelectionType;

import static com.mclass.classes.ClassFixtures.closedClass;
import static com.mclass.classes.ClassFixtures.recruitingClass;
import static com.mclass.classes.ClassFixtures.upcomingClass;
import static com.mclass.classes.ClassFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The class list served from memory ({@link ClassListSnapshot}): the same answers as the database for every filter,
 * order and page, changes visible at once on this replica and within the TTL from any other, and HTTP caching that never
 * lets an admin's list (UNLISTED classes) reach anyone else.
 */
@ClassServiceIntegrationTest
class ClassListFromMemoryIntegrationTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	ClassCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void everyFilterOrderAndPageFromMemoryIsWhatTheDatabaseAnswers() {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		create(recruitingClass("온라인 " + marker));
		create(with(upcomingClass("리뷰 " + marker), "selectionType", "REVIEW", "isOnline", true));
		create(closedClass("마감 " + marker));
		create(with(recruitingClass("비공개 " + marker), "visibility", "UNLISTED"));
		UUID deleted = create(recruitingClass("삭제 " + marker));
		assertThat(this.api.delete("/api/mclasses/" + deleted, Api.admin()).status()).isEqualTo(200);

		int compared = 0;
		for (String order : List.of("createdAt", "recruitStartAt", "recruitEndAt", "startAt")) {
			for (boolean descending : new boolean[] { true, false }) {
				for (RecruitState recruit : new RecruitState[] { null, RecruitState.OPEN, RecruitState.UPCOMING, RecruitState.CLOSED }) {
					for (Boolean online : new Boolean[] { null, true, false }) {
						for (SelectionType selection : new SelectionType[] { null, SelectionType.FIRST_COME, SelectionType.REVIEW }) {
							for (int[] page : new int[][] { { 0, 20 }, { 1, 2 }, { 0, 100 }, { 3, 1 }, { 500, 5 } }) {
								for (boolean admin : new boolean[] { false, true }) {
									ClassSearch search = new ClassSearch(null, recruit, online, selection,
											new ClassSort(order, descending), page[0], page[1]);
									ClassPage fromDatabase = this.catalog.search(search, admin);
									ClassPage fromMemory = this.catalog.listFromMemory(search, admin, Instant.now()).orElseThrow().page();
									assertThat(ids(fromMemory)).as("%s admin=%s", search, admin).isEqualTo(ids(fromDatabase));
									assertThat(fromMemory.totalElements()).as("%s admin=%s", search, admin)
										.isEqualTo(fromDatabase.totalElements());
									assertThat(fromMemory.content()).as("%s admin=%s", search, admin).isEqualTo(fromDatabase.content());
									compared++;
								}
							}
						}
					}
				}
			}
		}
		assertThat(compared).isEqualTo(4 * 2 * 4 * 3 * 3 * 5 * 2);
		ClassSearch text = new ClassSearch(marker, null, null, null, ClassSort.DEFAULT, 0, 20);
		assertThat(this.catalog.listFromMemory(text, false, Instant.now())).as("text search stays with the database").isEmpty();
		ClassSearch byTitle = new ClassSearch(null, null, null, null, new ClassSort("title", false), 0, 20);
		assertThat(this.catalog.listFromMemory(byTitle, false, Instant.now())).as("title order stays with the database").isEmpty();
	}

	@Test
	void aChangeThroughThisReplicaIsListedAtOnceAndUnlistedClassesNeverLeak() {
		UUID created = create(recruitingClass("방금 만든 " + UUID.randomUUID()));
		assertThat(newest(null)).as("listed at once").contains(created);

		Api.Reply current = this.api.get("/api/mclasses/" + created, Api.admin());
		Map<String, Object> unlisted = with(recruitingClass(current.data().path("title").asString()), "visibility", "UNLISTED",
				"version", current.data().path("version").asLong());
		assertThat(this.api.put("/api/mclasses/" + created, Api.admin(), unlisted).status()).isEqualTo(200);
		assertThat(newest(null)).as("anonymous").doesNotContain(created);
		assertThat(newest(Api.user())).as("user").doesNotContain(created);
		assertThat(newest(Api.admin())).as("admin").contains(created);

		assertThat(this.api.delete("/api/mclasses/" + created, Api.admin()).status()).isEqualTo(200);
		assertThat(newest(Api.admin())).as("deleted").doesNotContain(created);
	}

	@Test
	void aChangeMadeElsewhereIsListedWithinTheSnapshotTtl() {
		UUID created = create(recruitingClass("다른 복제본 " + UUID.randomUUID()));
		assertThat(newest(null)).contains(created);
		// What another replica's commit looks like from here: the row changed, nothing told this replica.
		this.jdbc.update("UPDATE mclass SET visibility = 'UNLISTED', version = version + 1 WHERE id = ?", created);
		await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(newest(null)).doesNotContain(created));
		assertThat(newest(Api.admin())).contains(created);
	}

	@Test
	void anonymousListsCarryAnETagAndPublicCachingUsersPrivateAndAdminsNone() throws Exception {
		create(recruitingClass("캐시 " + UUID.randomUUID()));
		HttpResponse<String> anonymous = get("/api/mclasses?size=5", null, null);
		assertThat(anonymous.statusCode()).isEqualTo(200);
		String etag = anonymous.headers().firstValue("ETag").orElseThrow();
		assertThat(anonymous.headers().firstValue("Cache-Control")).hasValue("max-age=2, public");
		assertThat(anonymous.headers().allValues("Vary")).anySatisfy((vary) -> assertThat(vary).contains("Authorization"));

		HttpResponse<String> revalidated = get("/api/mclasses?size=5", null, etag);
		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
		assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);
		assertThat(get("/api/mclasses?size=6", null, etag).statusCode()).as("another page, another tag").isEqualTo(200);

		HttpResponse<String> user = get("/api/mclasses?size=5", Api.user(), etag);
		assertThat(user.statusCode()).as("a user sees what anonymous callers see").isEqualTo(304);
		assertThat(user.headers().firstValue("Cache-Control")).hasValue("max-age=2, private");

		create(with(recruitingClass("관리자만 " + UUID.randomUUID()), "visibility", "UNLISTED"));
		HttpResponse<String> admin = get("/api/mclasses?size=5", Api.admin(), null);
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(get("/api/mclasses?size=5", null, admin.headers().firstValue("ETag").orElseThrow()).statusCode())
			.as("the admin's list is not the anonymous one").isEqualTo(200);

		create(recruitingClass("새 공개 " + UUID.randomUUID()));
		String changed = get("/api/mclasses?size=5", null, null).headers().firstValue("ETag").orElseThrow();
		assertThat(changed).as("a new class changes the first page").isNotEqualTo(etag);
		assertThat(get("/api/mclasses?size=5", null, etag).statusCode()).isEqualTo(200);
	}

	@Test
	void theMaxAgeNeverOutlastsTheNextRecruitWindowBoundary() throws Exception {
		Instant opens = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
		UUID soon = create(with(upcomingClass("곧 모집 " + UUID.randomUUID()), "recruitStartAt", opens.toString()));
		List<Long> seen = new ArrayList<>();
		// Every ~100 ms until just after the window opened: 2 s while more than 2 s are left, then 1, then 0, then 2
		// again (the class's next boundary is days away).
		while (Instant.now().isBefore(opens.plusMillis(500))) {
			Instant sent = Instant.now();
			HttpResponse<String> anonymous = get("/api/mclasses?size=5", null, null);
			Instant received = Instant.now();
			assertThat(anonymous.statusCode()).isEqualTo(200);
			long maxAge = maxAge(anonymous, "public");
			// The server's clock read lies between sent and received: the cap it saw lies between these two. Read after
			// the window opened, the next boundary is days away (2), even when the request was sent before.
			long atMost = received.isBefore(opens) ? Math.min(2, Duration.between(sent, opens).toSeconds()) : 2;
			long atLeast = received.isBefore(opens) ? Math.min(2, Duration.between(received, opens).toSeconds())
					: sent.isAfter(opens) ? 2 : 0;
			assertThat(maxAge).as("sent %s, received %s, window opens %s", sent, received, opens).isBetween(atLeast, atMost);
			seen.add(maxAge);
			Thread.sleep(100);
		}
		assertThat(seen).as("capped while less than 2 s were left").anySatisfy((maxAge) -> assertThat(maxAge).isLessThan(2));
		assertThat(seen.get(seen.size() - 1)).as("the boundary passed").isEqualTo(2);
		assertThat(maxAge(get("/api/mclasses?size=5", Api.user(), null), "private")).isEqualTo(2);
		assertThat(this.api.delete("/api/mclasses/" + soon, Api.admin()).status()).isEqualTo(200);
	}

	@Test
	void answersFromTheDatabaseMayNotBeKeptAtAll() throws Exception {
		String marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		create(recruitingClass("데이터베이스 " + marker));
		// Text search and title order are the database's; when such an answer's recruit states change is not known.
		assertThat(get("/api/mclasses?q=" + marker, null, null).headers().firstValue("Cache-Control")).hasValue("max-age=0, public");
		assertThat(get("/api/mclasses?q=" + marker, Api.user(), null).headers().firstValue("Cache-Control"))
			.hasValue("max-age=0, private");
		assertThat(get("/api/mclasses?q=" + marker, Api.admin(), null).headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(get("/api/mclasses?sort=title", null, null).headers().firstValue("Cache-Control")).hasValue("max-age=0, public");
		assertThat(get("/api/mclasses", null, null).headers().firstValue("Cache-Control")).as("from memory")
			.hasValue("max-age=2, public");
	}

	@Test
	void aBurstOfAnonymousListReadsGetsOneAnswer() throws Exception {
		create(recruitingClass("버스트 " + UUID.randomUUID()));
		Burst<HttpResponse<String>> burst = Burst.run(4000, 32, (i) -> {
			try {
				return get("/api/mclasses?size=20", null, null);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});

		assertThat(burst.answers).allSatisfy((answer) -> assertThat(answer.statusCode()).isEqualTo(200));
		assertThat(burst.answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
		System.out.print(burst.report("4,000 anonymous GET /api/mclasses?size=20, 32 client threads"));
	}

	private List<UUID> newest(String token) {
		Api.Reply reply = this.api.get("/api/mclasses?size=100", token);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.data().valueStream().map((c) -> UUID.fromString(c.path("id").asString())).toList();
	}

	private UUID create(Map<String, Object> body) {
		Api.Reply created = this.api.post("/api/mclasses", Api.admin(), body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	private HttpResponse<String> get(String path, String token, String ifNoneMatch) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The {@code max-age} of an answer whose {@code Cache-Control} is {@code max-age=N, <scope>}. */
	private static long maxAge(HttpResponse<String> response, String scope) {
		String cacheControl = response.headers().firstValue("Cache-Control").orElseThrow();
		assertThat(cacheControl).matches("max-age=\\d+, " + scope);
		return Long.parseLong(cacheControl.substring("max-age=".length(), cacheControl.indexOf(',')));
	}

	private static List<UUID> ids(ClassPage page) {
		List<UUID> ids = new ArrayList<>();
		for (ClassView view : page.content()) {
			ids.add(view.id());
		}
		return ids;
	}

}
