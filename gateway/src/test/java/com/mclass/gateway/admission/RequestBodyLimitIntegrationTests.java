package com.mclass.gateway.admission;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mclass.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The test context limits bodies to 64 KB. */
class RequestBodyLimitIntegrationTests extends GatewayIntegrationTest {

	private static final int KILOBYTE = 1024;

	@Autowired
	WebTestClient client;

	@Test
	void refusesADeclaredBodyAboveTheLimitWithoutBotheringTheService() {
		this.client.post()
			.uri("/api/mclasses/5/enrollments/declared-too-large")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[100 * KILOBYTE])
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.json("""
					{"success":false,"error":{"code":"PAYLOAD_TOO_LARGE","message":"요청 본문이 너무 큽니다."}}""", true);

		assertThat(ENROLLMENT.receivedOn("/api/mclasses/5/enrollments/declared-too-large")).isEmpty();
	}

	@Test
	void refusesAChunkedBodyOnceItPassesTheLimit() {
		this.client.post()
			.uri("/api/mclasses/5/enrollments/chunked-too-large")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks(25, 4 * KILOBYTE), DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void forwardsBodiesWithinTheLimitWhetherDeclaredOrChunked() {
		this.client.post()
			.uri("/api/mclasses/5/enrollments/declared-within")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[60 * KILOBYTE])
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.bodyLength")
			.isEqualTo(60 * KILOBYTE);
		this.client.post()
			.uri("/api/mclasses/5/enrollments/chunked-within")
			.headers((headers) -> headers.setBearerAuth(userToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks(15, 4 * KILOBYTE), DataBuffer.class)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.bodyLength")
			.isEqualTo(60 * KILOBYTE);
	}

	@Test
	void anAdminsBulkEnrollmentFileMayBeLargerUpToTheUploadLimit() {
		this.client.post()
			.uri("/api/admin/mclasses/5/enrollments/import?dryRun=true")
			.headers((headers) -> headers.setBearerAuth(adminToken()))
			.contentType(MediaType.valueOf("text/csv"))
			.bodyValue(new byte[200 * KILOBYTE])
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.bodyLength")
			.isEqualTo(200 * KILOBYTE);
		this.client.post()
			.uri("/api/admin/mclasses/5/enrollments/import")
			.headers((headers) -> headers.setBearerAuth(adminToken()))
			.contentType(MediaType.valueOf("text/csv"))
			.body(chunks(2 * KILOBYTE, 4 * KILOBYTE), DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	/** A body sent without Content-Length. */
	private static Flux<DataBuffer> chunks(int count, int size) {
		return Flux.range(0, count).map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]));
	}

}
