package com.mclass.gateway.classlist;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mclass.gateway.GatewayIntegrationTest;
import com.mclass.gateway.StubService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The class list through the gateway, with the class-service stub answering {@code Cache-Control} as the query asks
 * ({@code stubCacheControl}) and numbering its answers; each test lists with a query of its own.
 */
class ClassListCachingIntegrationTests extends GatewayIntegrationTest {

	private static final String PUBLIC_FOR_A_MINUTE = "max-age%3D60%2C%20public";

	@Autowired
	WebTestClient client;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@LocalServerPort
	int port;

	@Test
	void anonymousCallersAndStudentsShareOneAnswerOfClassService() {
		URI list = list(PUBLIC_FOR_A_MINUTE);

		EntityExchangeResult<String> anonymous = get(list, null);
		EntityExchangeResult<String> student = get(list, userToken());
		EntityExchangeResult<String> anotherStudent = get(list, userToken());

		assertThat(student.getResponseBody()).isEqualTo(anonymous.getResponseBody());
		assertThat(anotherStudent.getResponseBody()).isEqualTo(anonymous.getResponseBody());
		assertThat(anonymous.getResponseHeaders().getCacheControl()).isEqualTo("max-age=60, public");
		assertThat(student.getResponseHeaders().getCacheControl()).matches("max-age=(59|60), private");
		assertThat(anotherStudent.getResponseHeaders().getETag()).isEqualTo(anonymous.getResponseHeaders().getETag());
		assertThat(anotherStudent.getResponseHeaders().getVary()).containsExactly(HttpHeaders.AUTHORIZATION);
		List<StubService.ReceivedRequest> received = receivedFor(list);
		assertThat(received).hasSize(1);
		assertThat(received.get(0).header(HttpHeaders.AUTHORIZATION)).isNull();
	}

	@Test
	void aStudentWhoAsksFirstGetsAPrivateAnswerAndTheNextAnonymousCallerTheKeptOne() {
		URI list = list(PUBLIC_FOR_A_MINUTE);

		EntityExchangeResult<String> student = get(list, userToken());
		EntityExchangeResult<String> anonymous = get(list, null);

		assertThat(student.getResponseHeaders().getCacheControl()).isEqualTo("max-age=60, private");
		assertThat(anonymous.getResponseBody()).isEqualTo(student.getResponseBody());
		assertThat(anonymous.getResponseHeaders().getCacheControl()).matches("max-age=(59|60), public");
		assertThat(receivedFor(list)).hasSize(1);
	}

	@Test
	void adminsAlwaysAskClassServiceWithTheirToken() {
		URI list = list(PUBLIC_FOR_A_MINUTE);
		get(list, null);

		String admin = adminToken();
		EntityExchangeResult<String> first = get(list, admin);
		EntityExchangeResult<String> second = get(list, admin);

		assertThat(first.getResponseBody()).isNotEqualTo(second.getResponseBody());
		List<StubService.ReceivedRequest> received = receivedFor(list);
		assertThat(received).hasSize(3);
		assertThat(received.get(2).header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + admin);
	}

	@Test
	void answersA304WhenTheClientHoldsTheKeptAnswer() {
		URI list = list(PUBLIC_FOR_A_MINUTE);
		String etag = get(list, null).getResponseHeaders().getETag();

		this.client.get()
			.uri(list)
			.headers((headers) -> {
				headers.setBearerAuth(userToken());
				headers.setIfNoneMatch(etag);
			})
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag)
			.expectBody()
			.isEmpty();
		assertThat(receivedFor(list)).hasSize(1);
	}

	@Test
	void keepsNothingClassServiceDoesNotMarkPublicWithAMaxAge() {
		for (String cacheControl : List.of("max-age%3D60%2C%20private", "no-store", "max-age%3D0%2C%20public",
				"public%2C%20no-cache")) {
			URI list = list(cacheControl);

			String first = get(list, null).getResponseBody();
			String second = get(list, null).getResponseBody();

			assertThat(second).as(cacheControl).isNotEqualTo(first);
			assertThat(receivedFor(list)).as(cacheControl).hasSize(2);
		}
	}

	@Test
	void aClassChangedThroughTheGatewayDropsTheKeptAnswerBeforeTheAdminHearsBack() {
		URI list = list(PUBLIC_FOR_A_MINUTE);
		String before = get(list, null).getResponseBody();

		this.client.put()
			.uri("/api/mclasses/" + UUID.randomUUID())
			.headers((headers) -> headers.setBearerAuth(adminToken()))
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(get(list, null).getResponseBody()).isNotEqualTo(before);
		assertThat(receivedFor(list)).hasSize(2);
	}

	@Test
	void anEnrollmentDoesNotDropTheKeptAnswer() {
		URI list = list(PUBLIC_FOR_A_MINUTE);
		String before = get(list, null).getResponseBody();

		enrollAsNewUser(this.client, "/api/mclasses/" + UUID.randomUUID() + "/enrollments").expectStatus().isOk();

		assertThat(get(list, null).getResponseBody()).isEqualTo(before);
	}

	@Test
	void aChangeAnnouncedOnRedisDropsTheKeptAnswer() {
		URI list = list(PUBLIC_FOR_A_MINUTE);
		String before = get(list, null).getResponseBody();
		assertThat(get(list, null).getResponseBody()).isEqualTo(before);

		this.redis.convertAndSend("mclass:classes:list-changed", "1").block(Duration.ofSeconds(5));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get(list, null).getResponseBody()).isNotEqualTo(before));
	}

	@Test
	void clientsThatAskForAFreshAnswerGetOne() {
		URI list = list(PUBLIC_FOR_A_MINUTE);
		String kept = get(list, null).getResponseBody();

		String fresh = this.client.get()
			.uri(list)
			.header(HttpHeaders.CACHE_CONTROL, "no-cache")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(fresh).isNotEqualTo(kept);
		assertThat(get(list, null).getResponseBody()).as("the fresh answer is kept for the others").isEqualTo(fresh);
	}

	@Test
	void studentsServedFromTheKeptAnswerStillCountAgainstTheirRateLimit() {
		URI list = list(PUBLIC_FOR_A_MINUTE);
		get(list, null);
		String student = userToken();

		int refused = 0;
		for (int i = 0; i < 45; i++) {
			int status = this.client.get()
				.uri(list)
				.headers((headers) -> headers.setBearerAuth(student))
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
			refused += (status == 429) ? 1 : 0;
		}

		assertThat(refused).isPositive();
		assertThat(receivedFor(list)).hasSize(1);
	}

	private EntityExchangeResult<String> get(URI list, String token) {
		return this.client.get()
			.uri(list)
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
	}

	/** A list query no other test asks, with the stub told which Cache-Control to answer. */
	private URI list(String cacheControl) {
		return URI.create("http://localhost:" + this.port + "/api/mclasses?q=" + UUID.randomUUID() + "&stubCacheControl="
				+ cacheControl);
	}

	private static List<StubService.ReceivedRequest> receivedFor(URI list) {
		return CLASS.received()
			.stream()
			.filter((request) -> "/api/mclasses".equals(request.rawPath()) && list.getRawQuery().equals(request.rawQuery()))
			.toList();
	}

}
